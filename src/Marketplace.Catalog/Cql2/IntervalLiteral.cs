namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A closed time interval (OGC 21-065r2 CQL2 clause 7, requirements class "Temporal Functions",
/// <c>intervalInstance</c>: <c>INTERVAL('2019-09-09', '..')</c> or <c>{"interval": ["2019-09-09", ".."]}</c>).
/// Each end is a <see cref="TimestampLiteral"/>, a <see cref="DateLiteral"/>, a <see cref="PropertyReference"/> or
/// an <see cref="OpenIntervalEnd"/> ("..", unbounded, after ISO 8601-2).
/// </summary>
public sealed record IntervalLiteral(Cql2Expression Start, Cql2Expression End) : Cql2Expression;
