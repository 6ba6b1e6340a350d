namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Where a queryable lives in SQL: a trusted SQL expression over the items table (alias <c>i</c>) and its
/// <see cref="QueryableType"/>. For <see cref="QueryableType.Interval"/>, <see cref="SqlExpression"/> is the start
/// and <see cref="EndSqlExpression"/> the end (OGC 21-065r2 CQL2 clause 7, "Temporal Functions": "intervals are
/// typically represented by two separate properties that are instants"). The expressions come from code, never from
/// a request: they are the one place where SQL text is not parameterised.
/// </summary>
public sealed record QueryableColumn(string SqlExpression, QueryableType Type)
{
    /// <summary>The end of an interval queryable; null for every other type.</summary>
    public string? EndSqlExpression { get; init; }

    /// <summary>An interval queryable stored as two instants.</summary>
    public static QueryableColumn Interval(string startSqlExpression, string endSqlExpression) =>
        new(startSqlExpression, QueryableType.Interval) { EndSqlExpression = endSqlExpression };
}
