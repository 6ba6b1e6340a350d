namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A timestamp instant (OGC 21-065r2 CQL2 clause 6, <c>timestampInstant</c>: <c>TIMESTAMP('1969-07-20T20:17:40Z')</c>
/// or <c>{"timestamp": "..."}</c>; RFC 3339 in UTC). <see cref="Value"/> has offset zero.
/// </summary>
public sealed record TimestampLiteral(DateTimeOffset Value) : Cql2Expression;
