namespace Marketplace.Identity.Clients;

/// <summary>An API client as the API shows it; the secret is shown once, when it is created or rotated.</summary>
public sealed record ApiClientView(
    string ClientId, Guid OrganizationId, string DisplayName, IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt, DateTimeOffset SecretRotatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiClientView From(ApiClient c) =>
        new(c.ClientId, c.OrganizationId, c.DisplayName, c.Roles, c.CreatedAt, c.SecretRotatedAt, c.RevokedAt);
}

/// <summary>An API client together with its new secret: returned once, never stored in clear.</summary>
public sealed record ApiClientWithSecret(ApiClientView Client, string ClientSecret);
