namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Test for a missing value (OGC 21-065r2 CQL2 clause 6, "Basic CQL2", <c>isNullPredicate</c>;
/// <c>{"op": "isNull", "args": [x]}</c> in cql2-json). <c>IS NOT NULL</c> is a <see cref="NotExpression"/> around it.
/// </summary>
public sealed record IsNullPredicate(Cql2Expression Value) : Cql2Expression;
