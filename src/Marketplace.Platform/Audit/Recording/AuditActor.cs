namespace Marketplace.Platform.Audit.Recording;

/// <summary>Who acted: an API client, a member, an external user, the platform itself, or an anonymous caller.</summary>
public sealed record AuditActor(string Type, string? Subject, Guid? OrganizationId)
{
    public static readonly AuditActor Platform = new("platform", null, null);

    public static AuditActor Anonymous(string? claimedClient) => new("anonymous", claimedClient, null);
}
