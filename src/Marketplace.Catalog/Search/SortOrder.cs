using Marketplace.Platform.Outcomes;

namespace Marketplace.Catalog.Search;

/// <summary>
/// A sort order for item search (STAC API Sort extension, <c>sortby</c>): keys over datetime, id, collection and the
/// numeric and string queryables, always ended by collection and id ascending so that the order is total and keyset
/// pages never skip or repeat an item. The default is datetime descending.
/// </summary>
public sealed record SortOrder(IReadOnlyList<SortKey> Keys)
{
    private static readonly Dictionary<string, (string Sql, SortValueKind Kind)> Sortable = new(StringComparer.Ordinal)
    {
        ["datetime"] = ("i.start_datetime", SortValueKind.Timestamp),
        ["start_datetime"] = ("i.start_datetime", SortValueKind.Timestamp),
        ["end_datetime"] = ("i.end_datetime", SortValueKind.Timestamp),
        ["id"] = ("i.id", SortValueKind.Text),
        ["collection"] = ("i.collection_id", SortValueKind.Text),
        ["eo:cloud_cover"] = ("((i.properties->>'eo:cloud_cover')::double precision)", SortValueKind.Number),
        ["gsd"] = ("((i.properties->>'gsd')::double precision)", SortValueKind.Number),
        ["view:off_nadir"] = ("((i.properties->>'view:off_nadir')::double precision)", SortValueKind.Number),
        ["view:sun_elevation"] = ("((i.properties->>'view:sun_elevation')::double precision)", SortValueKind.Number),
        ["platform"] = ("(i.properties->>'platform')", SortValueKind.Text),
        ["constellation"] = ("(i.properties->>'constellation')", SortValueKind.Text),
    };

    public static SortOrder Default { get; } = new([Key("datetime", descending: true)]);

    /// <summary>The SQL ORDER BY list: the keys, then collection and id ascending.</summary>
    public string OrderBy => string.Join(", ", Keys.Select(k => k.SqlExpression + (k.Descending ? " DESC" : " ASC")).Append("i.collection_id ASC").Append("i.id ASC"));

    /// <summary>An identifier of the order, kept in page tokens so that a token is only used with the order that made it.</summary>
    public string Signature => string.Join(",", Keys.Select(k => (k.Descending ? "-" : "+") + k.Field));

    /// <summary>Reads <c>sortby</c> fields in order: names optionally prefixed with <c>properties.</c>, direction asc or desc.</summary>
    public static Outcome<SortOrder> Parse(IReadOnlyList<(string Field, bool Descending)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            return Default;
        }
        var keys = new List<SortKey>();
        foreach (var (field, descending) in fields)
        {
            var name = field.StartsWith("properties.", StringComparison.Ordinal) ? field["properties.".Length..] : field;
            if (!Sortable.ContainsKey(name))
            {
                return Failures.Invalid<SortOrder>("sortby", $"'{field}' cannot be sorted on; use one of: {string.Join(", ", Sortable.Keys)}.");
            }
            if (keys.Any(k => k.Field == name))
            {
                return Failures.Invalid<SortOrder>("sortby", $"'{field}' appears twice.");
            }
            keys.Add(Key(name, descending));
        }
        return new SortOrder(keys);
    }

    /// <summary>Reads the GET form: comma-separated fields, each optionally prefixed with + (ascending) or - (descending).</summary>
    public static Outcome<SortOrder> ParseText(string? text) =>
        Parse(string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => f[0] switch { '-' => (f[1..], true), '+' => (f[1..], false), _ => (f, false) }).ToList());

    private static SortKey Key(string name, bool descending)
    {
        var (sql, kind) = Sortable[name];
        // Missing values sort last in either direction.
        var safe = kind switch
        {
            SortValueKind.Number => $"coalesce({sql}, '{(descending ? "-Infinity" : "Infinity")}'::double precision)",
            SortValueKind.Text when sql.StartsWith('(') => $"coalesce({sql}, '')",
            _ => sql,
        };
        return new SortKey(name, safe, kind, descending);
    }
}
