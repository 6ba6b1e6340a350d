namespace Marketplace.Identity.Members;

/// <summary>A person in an organization, who signs in to the web UI (authorization code with PKCE).</summary>
public sealed class Member
{
    private Member() { }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>Lower-case e-mail address, unique across the marketplace.</summary>
    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public List<string> Roles { get; private set; } = [];

    /// <summary>PBKDF2 hash of the password (ASP.NET Core Identity format v3); never the password.</summary>
    public string PasswordHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsActive => RemovedAt is null;

    public static Member Create(Guid id, Guid organizationId, string email, string displayName, IEnumerable<string> roles, DateTimeOffset now) =>
        new() { Id = id, OrganizationId = organizationId, Email = email, DisplayName = displayName, Roles = [.. roles], CreatedAt = now };

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    public void Remove(DateTimeOffset now) => RemovedAt ??= now;
}
