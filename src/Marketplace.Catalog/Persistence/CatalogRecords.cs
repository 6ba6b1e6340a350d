using NetTopologySuite.Geometries;

namespace Marketplace.Catalog.Persistence;

/// <summary>A STAC collection as stored: its document (without computed extents and links) and its owner.</summary>
public sealed class CollectionRecord
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The STAC collection document as submitted (links and extents are computed when served).</summary>
    public string Document { get; set; } = "{}";

    public Guid? ProviderOrganization { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A STAC item as stored: searchable columns next to the item's properties and assets.</summary>
public sealed class ItemRecord
{
    public string CollectionId { get; set; } = "";

    public string Id { get; set; } = "";

    public Geometry Geometry { get; set; } = null!;

    public DateTimeOffset? Datetime { get; set; }

    public DateTimeOffset StartDatetime { get; set; }

    public DateTimeOffset EndDatetime { get; set; }

    public string Properties { get; set; } = "{}";

    public string Assets { get; set; } = "{}";

    public string[] StacExtensions { get; set; } = [];

    /// <summary>The item's own links as a JSON array (e.g. <c>derived_from</c>, <c>license</c>), or null; the
    /// navigation links (self, root, parent, collection) are made when served.</summary>
    public string? Links { get; set; }

    /// <summary>Security grade on the configured scale; only callers cleared for it see the item.</summary>
    public string Grade { get; set; } = "";

    public bool Published { get; set; }

    public Guid? ProviderOrganization { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
