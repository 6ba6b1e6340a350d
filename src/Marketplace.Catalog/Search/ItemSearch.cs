using Marketplace.Catalog.Cql2;
using NetTopologySuite.Geometries;

namespace Marketplace.Catalog.Search;

/// <summary>
/// A STAC API item search (STAC API 1.0.0 item-search): collections, ids, a bbox or an intersects geometry, a datetime
/// interval (open ends are null), a page size, the token of the page to continue from, a CQL2 filter, a sort order
/// and free-text terms (any of them matches).
/// </summary>
public sealed record ItemSearch(
    IReadOnlyList<string>? Collections = null,
    IReadOnlyList<string>? Ids = null,
    BoundingBox? Bbox = null,
    Geometry? Intersects = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = ItemSearch.DefaultLimit,
    string? Token = null,
    Cql2Expression? Filter = null,
    SortOrder? Sort = null,
    IReadOnlyList<string>? Text = null)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 10_000;
}

/// <summary>A WGS 84 bounding box; west &gt; east means it crosses the antimeridian (RFC 7946 section 5.2).</summary>
public sealed record BoundingBox(double West, double South, double East, double North)
{
    public bool CrossesAntimeridian => West > East;
}
