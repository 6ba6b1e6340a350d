namespace Marketplace.Catalog.Cql2;

/// <summary>
/// The data type of a queryable, which decides which CQL2 predicates apply to it and how literals are typed: the
/// scalar, spatial, temporal and array types of OGC 21-065r2 CQL2 clauses 6 and 7 (as published in a collection's
/// queryables, OGC API - Features - Part 3 §6).
/// </summary>
#pragma warning disable CA1720 // The members are named after the JSON Schema types of queryables (string, number, integer, …).
public enum QueryableType
{
    /// <summary>Text; compared with string literals, LIKE, IN and CASEI.</summary>
    String,

    /// <summary>A floating-point number; compared with numeric literals, BETWEEN and IN.</summary>
    Number,

    /// <summary>An integer; treated as <see cref="Number"/>.</summary>
    Integer,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>An instant (a <c>timestamptz</c> expression).</summary>
    Timestamp,

    /// <summary>A geometry (a PostGIS <c>geometry</c> expression in SRID 4326).</summary>
    Geometry,

    /// <summary>An array (a <c>jsonb</c> array expression).</summary>
    Array,

    /// <summary>A closed interval of two <c>timestamptz</c> expressions, start and end (an instant has start = end).</summary>
    Interval,
}
#pragma warning restore CA1720
