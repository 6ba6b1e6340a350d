namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A binary comparison of two scalar expressions (OGC 21-065r2 CQL2 clause 6, "Basic CQL2",
/// <c>binaryComparisonPredicate</c>): strings, numbers, booleans, and timestamps or dates (instants).
/// </summary>
public sealed record ComparisonPredicate(ComparisonOperator Operator, Cql2Expression Left, Cql2Expression Right) : Cql2Expression;
