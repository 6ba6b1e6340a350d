using System.Globalization;
using Marketplace.Catalog.Search;
using Marketplace.Catalog.Visibility;
using Marketplace.Platform.Outcomes;
using Npgsql;

namespace Marketplace.Catalog.Aggregation;

/// <summary>
/// The aggregations to compute (names from <see cref="AggregationCatalog"/>, each once) and their options: the
/// calendar interval of <c>datetime_frequency</c> and the precisions of the geohash and geotile grids.
/// </summary>
public sealed record AggregationRequest(
    IReadOnlyList<string> Names,
    string Interval = AggregationCatalog.DefaultInterval,
    int GeohashPrecision = AggregationCatalog.DefaultGeohashPrecision,
    int GeotilePrecision = AggregationCatalog.DefaultGeotilePrecision);

/// <summary>
/// One computed aggregation (STAC API Aggregation extension, "Aggregation fields"): a single value (a count or an
/// instant), or a frequency distribution of buckets.
/// </summary>
public abstract record AggregationResult(string Name)
{
    /// <summary>A count of items (data_type integer).</summary>
    public sealed record Count(string Name, long Value) : AggregationResult(Name);

    /// <summary>An instant (data_type datetime); null when no item matched.</summary>
    public sealed record Instant(string Name, DateTimeOffset? Value) : AggregationResult(Name);

    /// <summary>
    /// Buckets of items (data_type frequency_distribution) whose keys are of <paramref name="KeyDataType"/>.
    /// <paramref name="Overflow"/> counts the matching items in no bucket (no value for the key, or beyond
    /// <see cref="AggregationCatalog.MaxBuckets"/>), so the frequencies and the overflow add up to the total count.
    /// </summary>
    public sealed record Frequency(string Name, string KeyDataType, IReadOnlyList<AggregationBucket> Buckets, long Overflow) : AggregationResult(Name);
}

/// <summary>A bucket of a frequency distribution; <paramref name="From"/> (inclusive) and <paramref name="To"/> (exclusive) bound numeric ranges.</summary>
public sealed record AggregationBucket(string Key, long Frequency, double? From = null, double? To = null);

/// <summary>
/// Aggregates the items an item search matches, inside PostGIS, in one statement over one snapshot. The items are
/// selected by <see cref="ItemConditions"/>, so the caller's visibility is part of the query and a hidden or
/// unpublished item is never counted in any aggregation. Buckets: collection and platform by frequency; datetime by
/// calendar interval in UTC over the start of the acquisition; cloud cover by tens of percent; geohash
/// (<c>ST_GeoHash</c>) and geotile (web-mercator z/x/y) cells of each footprint's centroid.
/// </summary>
public sealed class AggregateItems(NpgsqlDataSource dataSource, ItemConditions conditions)
{
    private const string Matched = """
        WITH matched AS (
            SELECT i.collection_id, i.start_datetime, i.end_datetime, CENTROID AS centroid,
                   i.properties->>'platform' AS platform,
                   CASE WHEN jsonb_typeof(i.properties->'eo:cloud_cover') = 'number'
                        THEN (i.properties->>'eo:cloud_cover')::double precision END AS cloud_cover
            FROM catalog.items i
        """;

    private const int Width = AggregationCatalog.CloudCoverBucketWidth;

    private const string TotalRow =
        "\nSELECT 'total_count'::text AS name, NULL::text AS key, NULL::timestamptz AS instant, NULL::double precision AS number, count(*) AS frequency FROM matched";

    public async Task<Outcome<IReadOnlyList<AggregationResult>>> HandleAsync(ItemSearch search, CatalogViewer viewer, AggregationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        var definitions = request.Names.Distinct(StringComparer.Ordinal)
            .Select(name => AggregationCatalog.Find(name) ?? throw new ArgumentException($"'{name}' is not an aggregation of this API.", nameof(request)))
            .ToList();
        if (!AggregationCatalog.Intervals.Contains(request.Interval))
        {
            throw new ArgumentException($"'{request.Interval}' is not an interval of datetime_frequency.", nameof(request));
        }

        var gridded = definitions.Any(d => d.Name is AggregationCatalog.GridGeohashFrequency or AggregationCatalog.GridGeotileFrequency);
        var query = new SqlQuery().Append(Matched.Replace("CENTROID", gridded ? "ST_Centroid(i.geometry)" : "NULL::geometry", StringComparison.Ordinal));
        if (conditions.Where(search, viewer, query) is Outcome<SqlQuery>.Invalid invalid)
        {
            return new Outcome<IReadOnlyList<AggregationResult>>.Invalid(invalid.Errors);
        }
        query.Append("\n)").Append(TotalRow);
        foreach (var definition in definitions.Where(d => d.Name != AggregationCatalog.TotalCount))
        {
            query.Append("\nUNION ALL ").Append(Branch(definition.Name, request, query));
        }

        var rows = new List<(string Name, string? Key, DateTimeOffset? Instant, double? Number, long Frequency)>();
        await using (var command = query.CreateCommand(dataSource))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.GetInt64(4)));
            }
        }
        var total = rows.Single(r => r.Name == AggregationCatalog.TotalCount).Frequency;
        return definitions.Select(d => Result(d, rows.Where(r => r.Name == d.Name).ToList(), total)).ToList();
    }

    /// <summary>One SELECT of the UNION: rows (name, key, instant, number, frequency) of one aggregation.</summary>
    private static string Branch(string name, AggregationRequest request, SqlQuery query)
    {
        var literal = Quote(name);
        var limit = AggregationCatalog.MaxBuckets.ToString(CultureInfo.InvariantCulture);
        return name switch
        {
            AggregationCatalog.DatetimeMin => $"SELECT {literal}, NULL, min(start_datetime), NULL, count(*) FROM matched",
            AggregationCatalog.DatetimeMax => $"SELECT {literal}, NULL, max(end_datetime), NULL, count(*) FROM matched",
            AggregationCatalog.CollectionFrequency =>
                $"(SELECT {literal}, collection_id, NULL, NULL, count(*) FROM matched GROUP BY 2 ORDER BY 5 DESC, 2 LIMIT {limit})",
            AggregationCatalog.PlatformFrequency =>
                $"(SELECT {literal}, platform, NULL, NULL, count(*) FROM matched WHERE platform IS NOT NULL GROUP BY 2 ORDER BY 5 DESC, 2 LIMIT {limit})",
            AggregationCatalog.DatetimeFrequency =>
                $"(SELECT {literal}, NULL, date_trunc({query.Parameter(request.Interval)}, start_datetime, 'UTC'), NULL, count(*) FROM matched GROUP BY 3 ORDER BY 3 LIMIT {limit})",
            AggregationCatalog.CloudCoverFrequency => string.Create(CultureInfo.InvariantCulture,
                $"(SELECT {literal}, NULL, NULL, GREATEST(LEAST(floor(cloud_cover / {Width}) * {Width}, {100 - Width}), 0)::double precision, count(*) FROM matched WHERE cloud_cover IS NOT NULL GROUP BY 4 ORDER BY 4 LIMIT {limit})"),
            AggregationCatalog.GridGeohashFrequency =>
                $"(SELECT {literal}, ST_GeoHash(centroid, {query.Parameter(request.GeohashPrecision)}), NULL, NULL, count(*) FROM matched GROUP BY 2 ORDER BY 5 DESC, 2 LIMIT {limit})",
            AggregationCatalog.GridGeotileFrequency => Geotile(literal, query.Parameter(request.GeotilePrecision), limit),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an aggregation of this API."),
        };
    }

    /// <summary>
    /// The web-mercator tile (z/x/y, as Elasticsearch's geotile_grid keys it) of each centroid; latitudes beyond the
    /// projection's ±85.0511° fall in the first or last row.
    /// </summary>
    private static string Geotile(string literal, string zoom, string limit) => $"""
        (SELECT {literal}, {zoom}::integer || '/' || x || '/' || y, NULL, NULL, count(*)
         FROM (SELECT LEAST(GREATEST(floor((ST_X(centroid) + 180) / 360 * n), 0), n - 1)::bigint AS x,
                      LEAST(GREATEST(floor((1 - asinh(tan(radians(GREATEST(LEAST(ST_Y(centroid), 85.0511287798066), -85.0511287798066)))) / pi()) / 2 * n), 0), n - 1)::bigint AS y
               FROM (SELECT centroid, power(2, {zoom}::integer)::double precision AS n FROM matched) p) t
         GROUP BY 2 ORDER BY 5 DESC, 2 LIMIT {limit})
        """;

    private static AggregationResult Result(AggregationDefinition definition, List<(string Name, string? Key, DateTimeOffset? Instant, double? Number, long Frequency)> rows, long total)
    {
        if (definition.Name == AggregationCatalog.TotalCount)
        {
            return new AggregationResult.Count(definition.Name, total);
        }
        if (definition.DataType == AggregationDefinition.DatetimeType)
        {
            return new AggregationResult.Instant(definition.Name, rows.Single().Instant);
        }
        var buckets = rows.Select(r => Bucket(definition.Name, r.Key, r.Instant, r.Number, r.Frequency)).ToList();
        return new AggregationResult.Frequency(definition.Name, definition.FrequencyDistributionDataType!, buckets, total - buckets.Sum(b => b.Frequency));
    }

    private static AggregationBucket Bucket(string name, string? key, DateTimeOffset? instant, double? number, long frequency)
    {
        if (instant is { } start)
        {
            return new AggregationBucket(Rfc3339(start), frequency);
        }
        if (number is { } from)
        {
            var to = from + AggregationCatalog.CloudCoverBucketWidth;
            return new AggregationBucket(string.Create(CultureInfo.InvariantCulture, $"{from:0.0}-{to:0.0}"), frequency, from, to);
        }
        return new AggregationBucket(key ?? throw new InvalidOperationException($"A bucket of {name} has no key."), frequency);
    }

    /// <summary>An RFC 3339 UTC instant with milliseconds, as STAC aggregation keys are written.</summary>
    public static string Rfc3339(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Quote(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
}
