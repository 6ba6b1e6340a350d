namespace Marketplace.Catalog.Cql2;

/// <summary>A numeric literal (OGC 21-065r2 CQL2 clause 6, <c>numericLiteral</c>), held as a double.</summary>
public sealed record NumberLiteral(double Value) : Cql2Expression;
