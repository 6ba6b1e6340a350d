namespace Marketplace.Cli.Http;

/// <summary>An API client's id and secret for the client credentials grant. The secret never appears in <see cref="ToString"/>.</summary>
internal sealed record ClientCredentials(string ClientId, string ClientSecret)
{
    public override string ToString() => $"ClientCredentials {{ ClientId = {ClientId} }}";
}
