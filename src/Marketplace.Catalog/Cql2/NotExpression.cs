namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Negation (OGC 21-065r2 CQL2 clause 6: <c>booleanFactor = ["NOT"] booleanPrimary</c> in Annex B,
/// <c>{"op": "not", "args": [x]}</c> in Annex C). The text forms <c>NOT LIKE</c>, <c>NOT BETWEEN</c>, <c>NOT IN</c>
/// and <c>IS NOT NULL</c> parse to this node around the positive predicate, as cql2-json encodes them.
/// </summary>
public sealed record NotExpression(Cql2Expression Arg) : Cql2Expression;
