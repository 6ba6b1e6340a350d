namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A reference to a queryable property (OGC 21-065r2 CQL2 clause 6, <c>propertyName</c> in Annex B, possibly
/// double-quoted; <c>{"property": "eo:cloud_cover"}</c> in Annex C). Names are case-sensitive.
/// </summary>
public sealed record PropertyReference(string Name) : Cql2Expression;
