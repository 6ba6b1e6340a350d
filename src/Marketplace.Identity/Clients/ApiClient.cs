namespace Marketplace.Identity.Clients;

/// <summary>
/// A machine client of an organization that obtains tokens with the client-credentials grant. Its secret is
/// kept only as a hash, by the token server's application store.
/// </summary>
public sealed class ApiClient
{
    private ApiClient() { }

    public string ClientId { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    public string DisplayName { get; private set; } = "";

    public List<string> Roles { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset SecretRotatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static ApiClient Create(string clientId, Guid organizationId, string displayName, IEnumerable<string> roles, DateTimeOffset now) =>
        new() { ClientId = clientId, OrganizationId = organizationId, DisplayName = displayName, Roles = [.. roles], CreatedAt = now, SecretRotatedAt = now };

    public void SecretRotated(DateTimeOffset now) => SecretRotatedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
