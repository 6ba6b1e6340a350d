using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Cql2;
using Marketplace.Platform.Outcomes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Marketplace.Catalog.Search;

/// <summary>
/// Reads the item-search parameters of the STAC API (GET query strings and POST bodies) into an <see cref="ItemSearch"/>,
/// naming each bad parameter: bbox (4 or 6 numbers, latitudes within ±90), datetime (RFC 3339 instant or interval with
/// open ends), limit (at least 1; above the maximum it is clamped, as STAC allows), intersects (valid GeoJSON geometry).
/// </summary>
public static class SearchParameters
{
    /// <summary>Largest intersects geometry accepted, in vertices; beyond it the request is too large (413).</summary>
    public const int MaxVertices = 10_000;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The parameters as sent; strings for GET, values for POST.</summary>
    public sealed record Raw(
        IReadOnlyList<string>? Collections, IReadOnlyList<string>? Ids, IReadOnlyList<double>? Bbox, string? BboxText,
        JsonNode? Intersects, string? Datetime, int? Limit, string? LimitText, string? Token,
        JsonNode? Filter = null, string? FilterLang = null,
        string? SortbyText = null, IReadOnlyList<(string Field, bool Descending)>? Sortby = null,
        IReadOnlyList<string>? Q = null, JsonNode? Query = null);

    /// <summary>The search, or the errors by parameter; <paramref name="tooLarge"/> when the geometry has too many vertices.</summary>
    public static Outcome<ItemSearch> Parse(Raw raw, out bool tooLarge)
    {
        ArgumentNullException.ThrowIfNull(raw);
        tooLarge = false;
        var errors = new FieldErrors();
        var bbox = ParseBbox(raw, errors);
        var (from, to) = ParseDatetime(raw.Datetime, errors);
        var limit = ParseLimit(raw, errors);
        Geometry? intersects = null;
        if (raw.Intersects is not null)
        {
            intersects = ParseGeometry(raw.Intersects, errors, out tooLarge);
        }
        var filter = ParseFilter(raw.Filter, raw.FilterLang, errors);
        if (QueryExtension.Parse(raw.Query, errors) is { } query)
        {
            filter = filter is null ? query : new AndExpression([filter, query]);
        }
        SortOrder? sort = null;
        switch (raw.Sortby is not null ? SortOrder.Parse(raw.Sortby) : SortOrder.ParseText(raw.SortbyText))
        {
            case Outcome<SortOrder>.Ok(var order):
                sort = order;
                break;
            case Outcome<SortOrder>.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    foreach (var message in messages)
                    {
                        errors.Add(field, message);
                    }
                }
                break;
        }
        var text = raw.Q?.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (text is { Count: > 20 })
        {
            errors.Add("q", "At most 20 free-text terms.");
        }
        if (bbox is not null && intersects is not null)
        {
            errors.Add("intersects", "Use either bbox or intersects, not both.");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<ItemSearch>();
        }
        return new ItemSearch(raw.Collections, raw.Ids, bbox, intersects, from, to, limit, raw.Token, filter, sort, text is { Count: > 0 } ? text : null);
    }

    public static IReadOnlyList<string>? SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A CQL2 filter: cql2-text in a string, cql2-json in an object; filter-lang may name either (OGC API - Features Part 3).</summary>
    private static Cql2Expression? ParseFilter(JsonNode? filter, string? language, FieldErrors errors)
    {
        if (filter is null)
        {
            return null;
        }
        if (language is not (null or "cql2-text" or "cql2-json"))
        {
            errors.Add("filter-lang", "Use cql2-text or cql2-json.");
            return null;
        }
        try
        {
            if (filter is JsonValue value && value.TryGetValue<string>(out var text))
            {
                return language == "cql2-json"
                    ? Cql2JsonParser.Parse(JsonDocument.Parse(text).RootElement)
                    : Cql2TextParser.Parse(text);
            }
            if (language == "cql2-text")
            {
                errors.Add("filter", "filter-lang is cql2-text but the filter is not a string.");
                return null;
            }
            return Cql2JsonParser.Parse(JsonSerializer.SerializeToElement(filter));
        }
        catch (Cql2SyntaxException ex)
        {
            errors.Add("filter", ex.Position is { } position ? $"{ex.Message} (at character {position})" : ex.Message);
        }
        catch (Cql2Exception ex)
        {
            errors.Add("filter", ex.Message);
        }
        catch (JsonException ex)
        {
            errors.Add("filter", $"The cql2-json filter is not JSON: {ex.Message}");
        }
        return null;
    }

    private static BoundingBox? ParseBbox(Raw raw, FieldErrors errors)
    {
        IReadOnlyList<double>? numbers = raw.Bbox;
        if (numbers is null && raw.BboxText is { Length: > 0 } text)
        {
            var parsed = new List<double>();
            foreach (var part in text.Split(','))
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    errors.Add("bbox", $"'{part}' is not a number.");
                    return null;
                }
                parsed.Add(value);
            }
            numbers = parsed;
        }
        if (numbers is null)
        {
            return null;
        }
        if (numbers.Count is not (4 or 6))
        {
            errors.Add("bbox", $"A bbox has 4 numbers (west, south, east, north) or 6 with heights, not {numbers.Count}.");
            return null;
        }
        var (west, south, east, north) = numbers.Count == 4
            ? (numbers[0], numbers[1], numbers[2], numbers[3])
            : (numbers[0], numbers[1], numbers[3], numbers[4]);
        if (south is < -90 or > 90 || north is < -90 or > 90)
        {
            errors.Add("bbox", "Latitudes must be between -90 and 90.");
        }
        else if (south > north)
        {
            errors.Add("bbox", "The southern latitude is north of the northern one.");
        }
        if (west is < -180 or > 180 || east is < -180 or > 180)
        {
            errors.Add("bbox", "Longitudes must be between -180 and 180 (west > east crosses the antimeridian).");
        }
        return new BoundingBox(west, south, east, north);
    }

    private static (DateTimeOffset? From, DateTimeOffset? To) ParseDatetime(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        var parts = text.Split('/');
        if (parts.Length > 2)
        {
            errors.Add("datetime", "Use one RFC 3339 date-time or an interval 'start/end' (open ends as '..' or empty).");
            return (null, null);
        }
        if (parts.Length == 1)
        {
            var instant = Instant(parts[0], errors);
            return (instant, instant);
        }
        var from = parts[0] is "" or ".." ? null : Instant(parts[0], errors);
        var to = parts[1] is "" or ".." ? null : Instant(parts[1], errors);
        if (parts[0] is "" or ".." && parts[1] is "" or "..")
        {
            errors.Add("datetime", "An interval needs at least one closed end.");
        }
        if (from > to)
        {
            errors.Add("datetime", "The interval's start is after its end.");
        }
        return (from, to);
    }

    private static DateTimeOffset? Instant(string text, FieldErrors errors)
    {
        if (text.Length >= 20 && text[10] is 'T' or 't' &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }
        errors.Add("datetime", $"'{text}' is not an RFC 3339 date-time with a time zone (e.g. 2024-05-01T00:00:00Z).");
        return null;
    }

    private static int ParseLimit(Raw raw, FieldErrors errors)
    {
        var limit = raw.Limit;
        if (limit is null && raw.LimitText is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                errors.Add("limit", $"'{text}' is not a positive whole number.");
                return ItemSearch.DefaultLimit;
            }
            limit = parsed;
        }
        if (limit is < 1)
        {
            errors.Add("limit", "limit must be at least 1.");
        }
        return Math.Min(limit ?? ItemSearch.DefaultLimit, ItemSearch.MaxLimit);
    }

    private static Geometry? ParseGeometry(JsonNode node, FieldErrors errors, out bool tooLarge)
    {
        tooLarge = false;
        Geometry? geometry;
        try
        {
            geometry = node.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            errors.Add("intersects", $"Not a valid GeoJSON geometry: {ex.Message}");
            return null;
        }
        if (geometry is null || geometry.IsEmpty)
        {
            errors.Add("intersects", "The geometry is empty.");
            return null;
        }
        if (geometry.NumPoints > MaxVertices)
        {
            tooLarge = true;
            errors.Add("intersects", $"The geometry has {geometry.NumPoints} vertices; at most {MaxVertices} are accepted.");
            return null;
        }
        var validity = new IsValidOp(geometry);
        if (!validity.IsValid)
        {
            errors.Add("intersects", $"The geometry is not valid: {validity.ValidationError.Message} at {validity.ValidationError.Coordinate}.");
            return null;
        }
        geometry.SRID = 4326;
        return geometry;
    }
}
