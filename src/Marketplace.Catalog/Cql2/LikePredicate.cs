namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Pattern matching (OGC 21-065r2 CQL2 clause 7, requirements class "Advanced Comparison Operators",
/// <c>isLikePredicate</c>): <c>%</c> matches any sequence of characters, <c>_</c> one character, and <c>\</c>
/// escapes either. The pattern is a string literal, optionally wrapped in CASEI.
/// </summary>
public sealed record LikePredicate(Cql2Expression Value, Cql2Expression Pattern) : Cql2Expression;
