using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Search;
using Marketplace.Platform.Outcomes;

namespace Marketplace.Catalog.Aggregation;

/// <summary>
/// Reads the parameters of <c>/aggregate</c> (STAC API Aggregation extension v0.3.0): the item-search filters, read
/// by <see cref="SearchParameters"/>, plus <c>aggregations</c> (required: a comma-separated list in a query string, an
/// array in a JSON body), <c>datetime_frequency_interval</c> and the grid precisions. Every bad parameter is named.
/// </summary>
public static class AggregationParameters
{
    /// <summary>The aggregation parameters as sent: strings for GET, JSON values for POST.</summary>
    public sealed record Raw(JsonNode? Aggregations, string? Interval, JsonNode? GeohashPrecision, JsonNode? GeotilePrecision);

    /// <summary>A valid aggregation request: which items, and what to compute over them.</summary>
    public sealed record Parsed(ItemSearch Search, AggregationRequest Request);

    /// <summary>The request, or the errors of all parameters; <paramref name="tooLarge"/> when the intersects geometry has too many vertices.</summary>
    public static Outcome<Parsed> Parse(SearchParameters.Raw search, Raw raw, out bool tooLarge)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(raw);
        var errors = new FieldErrors();
        var parsedSearch = SearchParameters.Parse(search, out tooLarge);
        if (parsedSearch is Outcome<ItemSearch>.Invalid invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }
        var names = ParseNames(raw.Aggregations, errors);
        var interval = raw.Interval is { Length: > 0 } text ? text.Trim().ToLowerInvariant() : AggregationCatalog.DefaultInterval;
        if (!AggregationCatalog.Intervals.Contains(interval))
        {
            errors.Add(AggregationCatalog.IntervalParameter,
                $"'{raw.Interval}' is not an interval; use one of {string.Join(", ", AggregationCatalog.Intervals)}.");
        }
        var geohash = ParsePrecision(raw.GeohashPrecision, AggregationCatalog.GeohashPrecisionParameter,
            AggregationCatalog.MinGeohashPrecision, AggregationCatalog.MaxGeohashPrecision, AggregationCatalog.DefaultGeohashPrecision, errors);
        var geotile = ParsePrecision(raw.GeotilePrecision, AggregationCatalog.GeotilePrecisionParameter,
            AggregationCatalog.MinGeotilePrecision, AggregationCatalog.MaxGeotilePrecision, AggregationCatalog.DefaultGeotilePrecision, errors);
        if (errors.Any || parsedSearch is not Outcome<ItemSearch>.Ok(var itemSearch))
        {
            return errors.ToOutcome<Parsed>();
        }
        return new Parsed(itemSearch, new AggregationRequest(names, interval, geohash, geotile));
    }

    private static List<string> ParseNames(JsonNode? node, FieldErrors errors)
    {
        var names = new List<string>();
        switch (node)
        {
            case null:
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                names.AddRange(SearchParameters.SplitList(text) ?? []);
                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    if (element is JsonValue item && item.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name))
                    {
                        names.Add(name.Trim());
                    }
                    else
                    {
                        errors.Add(AggregationCatalog.AggregationsParameter, "aggregations is an array of aggregation names (strings).");
                        return [];
                    }
                }
                break;
            default:
                errors.Add(AggregationCatalog.AggregationsParameter, "aggregations is an array of aggregation names, or a comma-separated list in a query string.");
                return [];
        }
        if (names.Count == 0)
        {
            errors.Add(AggregationCatalog.AggregationsParameter,
                $"Name at least one aggregation: {string.Join(", ", AggregationCatalog.All.Select(a => a.Name))} (see /aggregations).");
            return [];
        }
        foreach (var unknown in names.Where(n => AggregationCatalog.Find(n) is null).Distinct(StringComparer.Ordinal))
        {
            errors.Add(AggregationCatalog.AggregationsParameter, $"'{unknown}' is not an aggregation this API offers (see /aggregations).");
        }
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static int ParsePrecision(JsonNode? node, string parameter, int min, int max, int fallback, FieldErrors errors)
    {
        if (node is null)
        {
            return fallback;
        }
        int? precision = null;
        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number))
            {
                precision = number;
            }
            else if (value.TryGetValue<string>(out var text) && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                precision = parsed;
            }
        }
        if (precision is not { } p || p < min || p > max)
        {
            errors.Add(parameter, $"{parameter} is a whole number from {min} to {max}, not {node.ToJsonString()}.");
            return fallback;
        }
        return p;
    }
}
