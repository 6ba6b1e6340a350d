namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A relation between two arrays (OGC 21-065r2 CQL2 clause 7, requirements class "Array Functions",
/// <c>arrayPredicate</c>), e.g. <c>A_CONTAINS(instruments, ('msi'))</c>.
/// </summary>
public sealed record ArrayPredicate(ArrayOperator Operator, Cql2Expression Left, Cql2Expression Right) : Cql2Expression;
