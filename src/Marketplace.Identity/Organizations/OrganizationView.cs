namespace Marketplace.Identity.Organizations;

/// <summary>An organization as the API shows it.</summary>
public sealed record OrganizationView(Guid Id, string Slug, string Name, string Kind, string Clearance, DateTimeOffset CreatedAt)
{
    public static OrganizationView From(Organization o) =>
        new(o.Id, o.Slug, o.Name, o.Kind.ToString().ToLowerInvariant(), o.Clearance, o.CreatedAt);
}
