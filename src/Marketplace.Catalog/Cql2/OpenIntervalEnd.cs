namespace Marketplace.Catalog.Cql2;

/// <summary>
/// The unbounded end <c>'..'</c> of an <see cref="IntervalLiteral"/> (OGC 21-065r2 CQL2 clause 7, "Temporal
/// Functions": "Unbounded interval ends are represented by a double-dot string", after ISO 8601-2).
/// </summary>
public sealed record OpenIntervalEnd : Cql2Expression;
