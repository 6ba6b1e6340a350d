namespace Marketplace.Identity.Organizations;

/// <summary>A provider, buyer, regulator or the platform operator itself. Its clearance bounds what its members may see.</summary>
public sealed class Organization
{
    private Organization() { }

    public Guid Id { get; private set; }

    /// <summary>Short, unique, URL-safe name (e.g. <c>orbital-eye</c>).</summary>
    public string Slug { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OrganizationKind Kind { get; private set; }

    /// <summary>The highest grade the organization may see, on the configured grade scale.</summary>
    public string Clearance { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static Organization Create(Guid id, string slug, string name, OrganizationKind kind, string clearance, DateTimeOffset now) =>
        new() { Id = id, Slug = slug, Name = name, Kind = kind, Clearance = clearance, CreatedAt = now };

    public void ChangeClearance(string clearance) => Clearance = clearance;
}
