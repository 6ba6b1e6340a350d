using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Search;

namespace Marketplace.Bench.Catalog;

/// <summary>
/// One search, in both of its forms: the HTTP request a client sends, and the parameters the API reads from it
/// (<see cref="SearchParameters.Raw"/>), so the same search can be run through the API and directly in SQL.
/// </summary>
internal sealed record SearchCase(HttpMethod Method, string PathAndQuery, string? Body, SearchParameters.Raw Raw);

/// <summary>
/// The searches of each scenario, drawn from a seeded generator so a run is repeatable: areas where the data is (the
/// generator's land regions by weight), sizes and periods that users ask for.
/// </summary>
internal static class QueryMix
{
    public const int Limit = 100;

    private static readonly string[] Terms = ["europe", "radar", "hyperspectral", "tasking", "ocean", "africa", "asia", "america", "reflectance", "vantage"];
    private static readonly string[] Words = ["orbital", "eye-2", "radar", "sight-1b", "spectra", "vantage", "tage-3", "eye-1"];
    private static readonly double[] CloudThresholds = [5, 10, 20, 30, 50];
    private static readonly string[] PagedCollections = ["optical-l2a", "sar-grd", "very-high-res"];

    /// <summary>(a) A bbox of 0.5–5° a side, a period of 1 week to 1 year, one collection; the default order.</summary>
    public static SearchCase BboxDatetimeCollection(Random random)
    {
        var collection = StacItemGenerator.Collections[random.Next(StacItemGenerator.Collections.Count)].Id;
        var (lon, lat) = Center(random);
        var side = LogUniform(random, 0.5, 5);
        var bbox = Bbox(lon, lat, side);
        var datetime = Period(random, LogUniform(random, 7, 365));
        var query = $"collections={collection}&bbox={bbox}&datetime={Uri.EscapeDataString(datetime)}&limit={Limit}";
        return new SearchCase(HttpMethod.Get, "/search?" + query, null,
            new SearchParameters.Raw([collection], null, null, bbox, null, datetime, null, Limit.ToString(CultureInfo.InvariantCulture), null));
    }

    /// <summary>(b) A drawn area of interest (8–16 vertices, 0.25–2.5° across) and a cloud cover limit, as cql2-json, POSTed.</summary>
    public static SearchCase IntersectsCloudCover(Random random)
    {
        var (lon, lat) = Center(random);
        var radius = LogUniform(random, 0.25, 2.5);
        var vertices = random.Next(8, 17);
        var ring = new JsonArray();
        var scale = 1 / Math.Max(0.2, Math.Cos(lat * Math.PI / 180));
        var first = (JsonArray?)null;
        for (var i = 0; i < vertices; i++)
        {
            var angle = 2 * Math.PI * (i + 0.8 * random.NextDouble()) / vertices;
            var r = radius * (0.6 + 0.4 * random.NextDouble());
            var point = new JsonArray(
                Math.Round(Math.Clamp(lon + r * scale * Math.Cos(angle), -180, 180), 5),
                Math.Round(Math.Clamp(lat + r * Math.Sin(angle), -89, 89), 5));
            first ??= point;
            ring.Add(point);
        }
        ring.Add(first!.DeepClone());
        var threshold = CloudThresholds[random.Next(CloudThresholds.Length)];
        var body = new JsonObject
        {
            ["intersects"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(ring) },
            ["filter-lang"] = "cql2-json",
            ["filter"] = new JsonObject { ["op"] = "<=", ["args"] = new JsonArray(new JsonObject { ["property"] = "eo:cloud_cover" }, threshold) },
            ["limit"] = Limit,
        };
        var text = body.ToJsonString();
        var parsed = JsonNode.Parse(text)!.AsObject();
        return new SearchCase(HttpMethod.Post, "/search", text,
            new SearchParameters.Raw(null, null, null, null, parsed["intersects"], null, Limit, null, null, parsed["filter"], "cql2-json"));
    }

    /// <summary>
    /// (c) Free text (<c>q</c>, STAC API free-text extension): one term, mostly a common word of titles, descriptions
    /// and keywords, sometimes an orbit number (a handful of matches).
    /// </summary>
    public static SearchCase FreeText(Random random)
    {
        var term = random.NextDouble() < 0.3 ? random.Next(30_000, 68_000).ToString(CultureInfo.InvariantCulture) : Terms[random.Next(Terms.Length)];
        var query = $"q={Uri.EscapeDataString(term)}&limit={Limit}";
        return new SearchCase(HttpMethod.Get, "/search?" + query, null,
            new SearchParameters.Raw(null, null, null, null, null, null, null, Limit.ToString(CultureInfo.InvariantCulture), null, Q: [term]));
    }

    /// <summary>(c') The stand-in used before the API had <c>q</c>: a word searched with CQL2 <c>platform LIKE '%word%'</c> (cql2-text).</summary>
    public static SearchCase PlatformLike(Random random)
    {
        var filter = $"platform LIKE '%{Words[random.Next(Words.Length)]}%'";
        var query = $"filter={Uri.EscapeDataString(filter)}&filter-lang=cql2-text&limit={Limit}";
        return new SearchCase(HttpMethod.Get, "/search?" + query, null,
            new SearchParameters.Raw(null, null, null, null, null, null, null, Limit.ToString(CultureInfo.InvariantCulture), null, JsonValue.Create(filter), "cql2-text"));
    }

    /// <summary>(d) A search with many pages: one of the big collections over two years (tens of thousands of items).</summary>
    public static SearchCase Paging(Random random)
    {
        var collection = PagedCollections[random.Next(PagedCollections.Length)];
        var datetime = Period(random, 730);
        var query = $"collections={collection}&datetime={Uri.EscapeDataString(datetime)}&limit={Limit}";
        return new SearchCase(HttpMethod.Get, "/search?" + query, null,
            new SearchParameters.Raw([collection], null, null, null, null, datetime, null, Limit.ToString(CultureInfo.InvariantCulture), null));
    }

    /// <summary>(d') A continent-size area: a large region's bbox, one of the big collections, two years (the (a) statement).</summary>
    public static SearchCase LargeRegion(Random random)
    {
        var regions = StacItemGenerator.LandRegions.Where(r => r.Weight >= 9).ToList();
        var region = regions[random.Next(regions.Count)];
        var collection = PagedCollections[random.Next(PagedCollections.Length)];
        var bbox = string.Create(CultureInfo.InvariantCulture, $"{region.West},{region.South},{region.East},{region.North}");
        var datetime = Period(random, 730);
        var query = $"collections={collection}&bbox={bbox}&datetime={Uri.EscapeDataString(datetime)}&limit={Limit}";
        return new SearchCase(HttpMethod.Get, "/search?" + query, null,
            new SearchParameters.Raw([collection], null, null, bbox, null, datetime, null, Limit.ToString(CultureInfo.InvariantCulture), null));
    }

    /// <summary>The search parameters of a GET /search URL (for the page a next link points to).</summary>
    public static SearchParameters.Raw FromQueryString(string url)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Contains('?', StringComparison.Ordinal) ? url[url.IndexOf('?', StringComparison.Ordinal)..] : "");
        string? Value(string key) => query.TryGetValue(key, out var value) ? value.ToString() : null;
        return new SearchParameters.Raw(SearchParameters.SplitList(Value("collections")), SearchParameters.SplitList(Value("ids")), null, Value("bbox"), null,
            Value("datetime"), null, Value("limit"), Value("token"), Value("filter") is { } filter ? JsonValue.Create(filter) : null, Value("filter-lang"));
    }

    private static (double Lon, double Lat) Center(Random random)
    {
        var total = StacItemGenerator.LandRegions.Sum(r => r.Weight);
        var pick = random.NextDouble() * total;
        var region = StacItemGenerator.LandRegions[^1];
        foreach (var candidate in StacItemGenerator.LandRegions)
        {
            if (pick < candidate.Weight)
            {
                region = candidate;
                break;
            }
            pick -= candidate.Weight;
        }
        return (region.West + random.NextDouble() * (region.East - region.West), region.South + random.NextDouble() * (region.North - region.South));
    }

    private static string Bbox(double lon, double lat, double side)
    {
        var halfLat = side / 2;
        var halfLon = halfLat / Math.Max(0.2, Math.Cos(lat * Math.PI / 180));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Math.Round(Math.Max(-180, lon - halfLon), 4)},{Math.Round(Math.Max(-90, lat - halfLat), 4)},{Math.Round(Math.Min(180, lon + halfLon), 4)},{Math.Round(Math.Min(90, lat + halfLat), 4)}");
    }

    private static string Period(Random random, double days)
    {
        var length = (int)Math.Round(days);
        var start = StacItemGenerator.FirstDay.AddDays(random.Next(0, StacItemGenerator.Days - length));
        var end = start.AddDays(length).AddSeconds(-1);
        return $"{start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}/{end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
    }

    private static double LogUniform(Random random, double low, double high) => Math.Exp(Math.Log(low) + random.NextDouble() * (Math.Log(high) - Math.Log(low)));
}
