using System.Text.Json.Nodes;
using Marketplace.Catalog.Stac;

namespace Marketplace.Catalog.Aggregation;

/// <summary>
/// The aggregations this API computes (STAC API Aggregation extension v0.3.0, "aggregations" and the recommended
/// names: total_count, datetime_min, datetime_max, collection_frequency, cloud_cover_frequency, datetime_frequency),
/// with the grid aggregations of stac-server (grid_geohash_frequency, grid_geotile_frequency over item centroids)
/// and the parameters that tune them. The same set is offered at the root and for every collection. Immutable.
/// </summary>
public static class AggregationCatalog
{
    /// <summary>Conformance class of the extension.</summary>
    public const string ConformanceClass = "https://api.stacspec.org/v0.3.0/aggregation";

    /// <summary>Advertises that <c>/aggregate</c> takes the Filter extension's <c>filter</c> and <c>filter-lang</c>.</summary>
    public const string FilterConformanceClass = "https://api.stacspec.org/v0.3.0/aggregation#filter";

    public const string TotalCount = "total_count";
    public const string DatetimeMin = "datetime_min";
    public const string DatetimeMax = "datetime_max";
    public const string CollectionFrequency = "collection_frequency";
    public const string PlatformFrequency = "platform_frequency";
    public const string DatetimeFrequency = "datetime_frequency";
    public const string CloudCoverFrequency = "cloud_cover_frequency";
    public const string GridGeohashFrequency = "grid_geohash_frequency";
    public const string GridGeotileFrequency = "grid_geotile_frequency";

    /// <summary>Names of the request parameters, as clients send them.</summary>
    public const string AggregationsParameter = "aggregations";
    public const string IntervalParameter = "datetime_frequency_interval";
    public const string GeohashPrecisionParameter = "grid_geohash_frequency_precision";
    public const string GeotilePrecisionParameter = "grid_geotile_frequency_precision";

    public const string DefaultInterval = "month";
    public const int MinGeohashPrecision = 1;
    public const int MaxGeohashPrecision = 12;
    public const int DefaultGeohashPrecision = 1;
    public const int MinGeotilePrecision = 0;
    public const int MaxGeotilePrecision = 29;
    public const int DefaultGeotilePrecision = 0;

    /// <summary>Width of a cloud-cover bucket in percent: 0–10, 10–20, … 90–100 (100 falls in the last one).</summary>
    public const int CloudCoverBucketWidth = 10;

    /// <summary>Most buckets returned per aggregation; the items of the others are counted in <c>overflow</c>.</summary>
    public const int MaxBuckets = 10_000;

    public static IReadOnlyList<string> ConformanceClasses { get; } = [ConformanceClass, FilterConformanceClass];

    /// <summary>Intervals of <c>datetime_frequency</c> (calendar units in UTC; weeks start on Monday).</summary>
    public static IReadOnlyList<string> Intervals { get; } = ["year", "quarter", "month", "week", "day", "hour", "minute", "second"];

    public static IReadOnlyList<AggregationDefinition> All { get; } =
    [
        new(TotalCount, AggregationDefinition.IntegerType),
        new(DatetimeMin, AggregationDefinition.DatetimeType),
        new(DatetimeMax, AggregationDefinition.DatetimeType),
        new(CollectionFrequency, AggregationDefinition.FrequencyDistributionType, AggregationDefinition.StringType),
        new(PlatformFrequency, AggregationDefinition.FrequencyDistributionType, AggregationDefinition.StringType),
        new(DatetimeFrequency, AggregationDefinition.FrequencyDistributionType, AggregationDefinition.DatetimeType),
        new(CloudCoverFrequency, AggregationDefinition.FrequencyDistributionType, AggregationDefinition.NumericType),
        new(GridGeohashFrequency, AggregationDefinition.FrequencyDistributionType, AggregationDefinition.StringType),
        new(GridGeotileFrequency, AggregationDefinition.FrequencyDistributionType, AggregationDefinition.StringType),
    ];

    public static AggregationDefinition? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>
    /// The links the extension requires on the landing page (<paramref name="href"/> is the API root) and on each
    /// collection (<paramref name="href"/> is the collection's URL): <c>aggregate</c> (GET and POST) and <c>aggregations</c>.
    /// </summary>
    public static JsonObject[] Links(string href) =>
    [
        StacDocuments.Link("aggregate", href + "/aggregate", StacDocuments.Json, "Aggregate the matching items", "GET"),
        StacDocuments.Link("aggregate", href + "/aggregate", StacDocuments.Json, "Aggregate the matching items", "POST"),
        StacDocuments.Link("aggregations", href + "/aggregations", StacDocuments.Json, "Available aggregations"),
    ];
}
