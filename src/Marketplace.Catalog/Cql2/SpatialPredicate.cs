namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A spatial relation between two geometry expressions (OGC 21-065r2 CQL2 clause 7, requirements classes
/// "Basic Spatial Functions" and "Spatial Functions", <c>spatialPredicate</c>), e.g.
/// <c>S_INTERSECTS(geometry, BBOX(-10, 40, 10, 50))</c>.
/// </summary>
public sealed record SpatialPredicate(SpatialOperator Operator, Cql2Expression Left, Cql2Expression Right) : Cql2Expression;
