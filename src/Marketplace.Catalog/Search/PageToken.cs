using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Catalog.Search;

/// <summary>
/// A keyset position in a sort order: the sort values, collection and id of the last item of a page, and the order's
/// signature. Pages are stable under concurrent inserts and cost the same at any depth (no OFFSET).
/// </summary>
public sealed record PageToken(string Signature, IReadOnlyList<object> Values, string CollectionId, string Id)
{
    public string Encode()
    {
        var values = Values.Select(v => v switch
        {
            DateTimeOffset t => "t" + t.UtcTicks.ToString(CultureInfo.InvariantCulture),
            double d => "n" + d.ToString("R", CultureInfo.InvariantCulture),
            string s => "s" + s,
            _ => throw new ArgumentException($"A sort value of type {v.GetType()} cannot be put in a token."),
        }).ToList();
        var json = JsonSerializer.SerializeToUtf8Bytes(new[] { Signature, CollectionId, Id }.Concat(values).ToArray());
        return WebEncoders.Base64UrlEncode(json);
    }

    /// <summary>The token's position, or null when it is not a token this API issued for <paramref name="order"/>.</summary>
    public static PageToken? TryDecode(string? token, SortOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(WebEncoders.Base64UrlDecode(token));
            if (parts is null || parts.Length != 3 + order.Keys.Count || parts[0] != order.Signature)
            {
                return null;
            }
            var values = new List<object>();
            for (var i = 0; i < order.Keys.Count; i++)
            {
                var text = parts[3 + i];
                object? value = (order.Keys[i].Kind, text.Length > 0 ? text[0] : ' ') switch
                {
                    (SortValueKind.Timestamp, 't') when long.TryParse(text.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
                        => new DateTimeOffset(ticks, TimeSpan.Zero),
                    (SortValueKind.Number, 'n') when double.TryParse(text.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
                    (SortValueKind.Text, 's') => text[1..],
                    _ => null,
                };
                if (value is null)
                {
                    return null;
                }
                values.Add(value);
            }
            return new PageToken(parts[0], values, parts[1], parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The condition "after this position" in <paramref name="order"/>: for keys k1..kn then collection and id,
    /// k1 past v1, or k1 = v1 and (k2 past v2, or …), ending with (collection, id) greater.
    /// </summary>
    public void AppendAfter(SortOrder order, SqlQuery query)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(query);
        var text = new StringBuilder();
        var closing = 0;
        for (var i = 0; i < order.Keys.Count; i++)
        {
            var key = order.Keys[i];
            var value = query.Parameter(Values[i]);
            text.Append('(').Append(key.SqlExpression).Append(key.Descending ? " < " : " > ").Append(value)
                .Append(" OR (").Append(key.SqlExpression).Append(" = ").Append(value).Append(" AND ");
            closing += 2;
        }
        text.Append("(i.collection_id, i.id) > (").Append(query.Parameter(CollectionId)).Append(", ").Append(query.Parameter(Id)).Append(')');
        text.Append(')', closing);
        query.Append(" AND ").Append(text.ToString());
        // The same condition implies this bound on the first key. PostgreSQL cannot use the OR above as an index
        // condition, so without it a deep page scans the index from the top and filters away every earlier row;
        // with it the scan starts at the token's position and page 100 costs what page 1 costs.
        var first = order.Keys[0];
        query.Append(" AND ").Append(first.SqlExpression).Append(first.Descending ? " <= " : " >= ")
            .Append(query.Parameter(Values[0]));
    }
}
