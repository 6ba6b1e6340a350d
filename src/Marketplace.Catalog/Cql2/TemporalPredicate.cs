namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A temporal relation between two instants or intervals (OGC 21-065r2 CQL2 clause 7, requirements class
/// "Temporal Functions", <c>temporalPredicate</c>), e.g.
/// <c>T_INTERSECTS(datetime, INTERVAL('2024-01-01', '..'))</c>. An instant is treated as an interval whose start
/// equals its end.
/// </summary>
public sealed record TemporalPredicate(TemporalOperator Operator, Cql2Expression Left, Cql2Expression Right) : Cql2Expression;
