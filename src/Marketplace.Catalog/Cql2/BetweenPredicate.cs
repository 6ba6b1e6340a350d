namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Inclusive numeric range test (OGC 21-065r2 CQL2 clause 7, requirements class "Advanced Comparison Operators",
/// <c>isBetweenPredicate</c>): <c>Low &lt;= Value AND Value &lt;= High</c>.
/// </summary>
public sealed record BetweenPredicate(Cql2Expression Value, Cql2Expression Low, Cql2Expression High) : Cql2Expression;
