namespace Marketplace.Catalog.Cql2;

/// <summary>
/// The spatial comparison functions of OGC 21-065r2 CQL2 clause 7 (requirements classes "Basic Spatial Functions"
/// and "Spatial Functions"), each the DE-9IM relation of the same name in OGC 06-103r4 Simple Features.
/// </summary>
public enum SpatialOperator
{
    /// <summary><c>S_INTERSECTS</c> / <c>s_intersects</c></summary>
    Intersects,

    /// <summary><c>S_EQUALS</c> / <c>s_equals</c></summary>
    Equals,

    /// <summary><c>S_DISJOINT</c> / <c>s_disjoint</c></summary>
    Disjoint,

    /// <summary><c>S_TOUCHES</c> / <c>s_touches</c></summary>
    Touches,

    /// <summary><c>S_WITHIN</c> / <c>s_within</c></summary>
    Within,

    /// <summary><c>S_OVERLAPS</c> / <c>s_overlaps</c></summary>
    Overlaps,

    /// <summary><c>S_CROSSES</c> / <c>s_crosses</c></summary>
    Crosses,

    /// <summary><c>S_CONTAINS</c> / <c>s_contains</c></summary>
    Contains,
}
