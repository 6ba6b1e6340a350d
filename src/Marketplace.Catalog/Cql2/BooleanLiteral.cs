namespace Marketplace.Catalog.Cql2;

/// <summary>
/// <c>TRUE</c> or <c>FALSE</c> (OGC 21-065r2 CQL2 clause 6, <c>booleanLiteral</c>); also a complete filter on its own.
/// </summary>
public sealed record BooleanLiteral(bool Value) : Cql2Expression;
