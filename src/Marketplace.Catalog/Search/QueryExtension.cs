using System.Text.Json.Nodes;
using Marketplace.Catalog.Cql2;
using Marketplace.Platform.Outcomes;

namespace Marketplace.Catalog.Search;

/// <summary>
/// The STAC API Query extension (<c>{"query": {"eo:cloud_cover": {"lt": 10}}}</c>), read into the equivalent CQL2
/// expression so that it goes through the same translator, queryables and parameters as a filter. Operators: eq,
/// neq, lt, lte, gt, gte, startsWith, endsWith, contains, in.
/// </summary>
public static class QueryExtension
{
    public static Cql2Expression? Parse(JsonNode? query, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (query is null)
        {
            return null;
        }
        if (query is not JsonObject properties)
        {
            errors.Add("query", "query is an object of property names to operator objects, e.g. {\"eo:cloud_cover\": {\"lt\": 10}}.");
            return null;
        }
        var predicates = new List<Cql2Expression>();
        foreach (var (name, operators) in properties)
        {
            if (operators is not JsonObject ops || ops.Count == 0)
            {
                errors.Add("query", $"'{name}' needs an object of operators.");
                continue;
            }
            foreach (var (op, operand) in ops)
            {
                var predicate = Predicate(new PropertyReference(name), op, operand);
                if (predicate is null)
                {
                    errors.Add("query", $"'{op}' on '{name}' is not an operator of the query extension, or its value does not fit it.");
                    continue;
                }
                predicates.Add(predicate);
            }
        }
        return predicates.Count switch
        {
            0 => null,
            1 => predicates[0],
            _ => new AndExpression(predicates),
        };
    }

    private static Cql2Expression? Predicate(PropertyReference property, string op, JsonNode? operand) => op switch
    {
        "eq" => Literal(operand) is { } v ? new ComparisonPredicate(ComparisonOperator.Equal, property, v) : null,
        "neq" => Literal(operand) is { } v ? new ComparisonPredicate(ComparisonOperator.NotEqual, property, v) : null,
        "lt" => Literal(operand) is { } v ? new ComparisonPredicate(ComparisonOperator.LessThan, property, v) : null,
        "lte" => Literal(operand) is { } v ? new ComparisonPredicate(ComparisonOperator.LessThanOrEqual, property, v) : null,
        "gt" => Literal(operand) is { } v ? new ComparisonPredicate(ComparisonOperator.GreaterThan, property, v) : null,
        "gte" => Literal(operand) is { } v ? new ComparisonPredicate(ComparisonOperator.GreaterThanOrEqual, property, v) : null,
        "startsWith" => Text(operand) is { } t ? new LikePredicate(property, new StringLiteral(Escape(t) + "%")) : null,
        "endsWith" => Text(operand) is { } t ? new LikePredicate(property, new StringLiteral("%" + Escape(t))) : null,
        "contains" => Text(operand) is { } t ? new LikePredicate(property, new StringLiteral("%" + Escape(t) + "%")) : null,
        "in" => operand is JsonArray array && array.Count > 0 && array.Select(Literal).ToList() is var items && items.All(i => i is not null)
            ? new InPredicate(property, items!)
            : null,
        _ => null,
    };

    private static Cql2Expression? Literal(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var s) ? new StringLiteral(s)
        : value.TryGetValue<double>(out var d) ? new NumberLiteral(d)
        : value.TryGetValue<bool>(out var b) ? new BooleanLiteral(b)
        : null
        : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
