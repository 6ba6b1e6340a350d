using System.Text.Json.Serialization;

namespace Marketplace.Cli.Configuration;

/// <summary>One API client of the demo world (client credentials grant).</summary>
internal sealed record DemoWorldClient(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("clientSecret")] string ClientSecret)
{
    public override string ToString() => $"DemoWorldClient {{ ClientId = {ClientId} }}";
}
