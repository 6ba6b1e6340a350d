using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Stac;

/// <summary>The STAC API Aggregation extension over the <see cref="CatalogApp"/> items (27 public, 29 for the government buyer).</summary>
public sealed class AggregationTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> AggregationsAsync(HttpResponseMessage response)
    {
        var body = await MarketplaceApp.ReadJsonAsync(response, Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal("AggregationCollection", body.GetProperty("type").GetString());
        return body.GetProperty("aggregations");
    }

    private static JsonElement Named(JsonElement aggregations, string name) =>
        aggregations.EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);

    private static Dictionary<string, long> Buckets(JsonElement aggregation) =>
        aggregation.GetProperty("buckets").EnumerateArray().ToDictionary(b => b.GetProperty("key").GetString()!, b => b.GetProperty("frequency").GetInt64());

    [Fact]
    public async Task Aggregate_TotalCount_CountsOnlyWhatTheCallerMaySee()
    {
        using var anonymous = app.CreateClient();
        using var government = await app.ClientAsAsync("demo-government-buyer", Ct);

        var publicCount = Named(await AggregationsAsync(await anonymous.GetAsync("/aggregate?aggregations=total_count", Ct)), "total_count");
        var governmentCount = Named(await AggregationsAsync(await government.GetAsync("/aggregate?aggregations=total_count", Ct)), "total_count");

        Assert.Equal("integer", publicCount.GetProperty("data_type").GetString());
        Assert.Equal(27, publicCount.GetProperty("value").GetInt64());
        Assert.Equal(29, governmentCount.GetProperty("value").GetInt64());   // restricted and sensitive; never controlled or unpublished
    }

    [Fact]
    public async Task Aggregate_CollectionFrequency_OneBucketPerCollection()
    {
        using var client = app.CreateClient();

        var aggregation = Named(await AggregationsAsync(await client.GetAsync("/aggregate?aggregations=collection_frequency", Ct)), "collection_frequency");

        Assert.Equal("frequency_distribution", aggregation.GetProperty("data_type").GetString());
        Assert.Equal(new Dictionary<string, long> { [CatalogApp.Collection] = 27 }, Buckets(aggregation));
        Assert.Equal("string", aggregation.GetProperty("buckets")[0].GetProperty("data_type").GetString());
        Assert.Equal(0, aggregation.GetProperty("overflow").GetInt64());
    }

    [Fact]
    public async Task Aggregate_DatetimeFrequencyByMonth_BucketsByCalendarMonth()
    {
        using var anonymous = app.CreateClient();
        using var government = await app.ClientAsAsync("demo-government-buyer", Ct);
        const string url = "/aggregate?aggregations=datetime_frequency,datetime_min,datetime_max&datetime_frequency_interval=month";

        var aggregations = await AggregationsAsync(await anonymous.GetAsync(url, Ct));
        var governmentMonths = Buckets(Named(await AggregationsAsync(await government.GetAsync(url, Ct)), "datetime_frequency"));

        var months = Named(aggregations, "datetime_frequency");
        Assert.Equal(["2025-01-01T00:00:00.000Z", "2025-02-01T00:00:00.000Z"], months.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("key").GetString()));
        Assert.Equal(new Dictionary<string, long> { ["2025-01-01T00:00:00.000Z"] = 25, ["2025-02-01T00:00:00.000Z"] = 2 }, Buckets(months));
        Assert.Equal("datetime", months.GetProperty("buckets")[0].GetProperty("data_type").GetString());
        Assert.Equal("2025-01-01T10:00:00.000Z", Named(aggregations, "datetime_min").GetProperty("value").GetString());
        Assert.Equal("2025-02-02T00:00:00.000Z", Named(aggregations, "datetime_max").GetProperty("value").GetString());
        Assert.Equal(2, governmentMonths["2025-03-01T00:00:00.000Z"]);   // restricted-1 and sensitive-1; controlled-1 is not counted
        Assert.Equal(29, governmentMonths.Values.Sum());
    }

    [Fact]
    public async Task Aggregate_DatetimeFrequencyByDay_HasOneBucketPerDay()
    {
        using var client = app.CreateClient();

        var days = Named(await AggregationsAsync(await client.GetAsync("/aggregate?aggregations=datetime_frequency&datetime_frequency_interval=day", Ct)), "datetime_frequency");

        Assert.Equal(27, Buckets(days).Count);
        Assert.All(Buckets(days).Values, frequency => Assert.Equal(1, frequency));
    }

    [Fact]
    public async Task Aggregate_CloudCoverFrequency_PutsEveryItemInTheTenToTwentyBucket()
    {
        using var client = app.CreateClient();

        var cloudCover = Named(await AggregationsAsync(await client.GetAsync("/aggregate?aggregations=cloud_cover_frequency", Ct)), "cloud_cover_frequency");

        var bucket = Assert.Single(cloudCover.GetProperty("buckets").EnumerateArray());
        Assert.Equal(10, bucket.GetProperty("from").GetDouble());
        Assert.Equal(20, bucket.GetProperty("to").GetDouble());
        Assert.Equal(27, bucket.GetProperty("frequency").GetInt64());
        Assert.Equal("numeric", bucket.GetProperty("data_type").GetString());
        Assert.Equal(0, cloudCover.GetProperty("overflow").GetInt64());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Aggregate_GeohashFrequency_BucketsSumToTheTotal(int precision)
    {
        using var client = app.CreateClient();

        var aggregations = await AggregationsAsync(await client.GetAsync(
            $"/aggregate?aggregations=total_count,grid_geohash_frequency&grid_geohash_frequency_precision={precision}", Ct));

        var buckets = Buckets(Named(aggregations, "grid_geohash_frequency"));
        Assert.Equal(Named(aggregations, "total_count").GetProperty("value").GetInt64(), buckets.Values.Sum());
        Assert.All(buckets.Keys, key => Assert.Equal(precision, key.Length));
        Assert.Equal(25, buckets.Where(b => b.Key.StartsWith('u')).Sum(b => b.Value));   // the public-NN items, centroids near 11°E 45.25°N
    }

    [Fact]
    public async Task Aggregate_GeohashFrequency_SplitsCellsAsPrecisionGrows()
    {
        using var client = app.CreateClient();

        var coarse = Buckets(Named(await AggregationsAsync(await client.GetAsync("/aggregate?aggregations=grid_geohash_frequency&grid_geohash_frequency_precision=1", Ct)), "grid_geohash_frequency"));
        var fine = Buckets(Named(await AggregationsAsync(await client.GetAsync("/aggregate?aggregations=grid_geohash_frequency&grid_geohash_frequency_precision=2", Ct)), "grid_geohash_frequency"));

        Assert.Equal(25, coarse["u"]);
        Assert.True(fine.Count > coarse.Count, $"{fine.Count} cells at precision 2, {coarse.Count} at 1");
        Assert.Equal(coarse.Values.Sum(), fine.Values.Sum());
    }

    [Fact]
    public async Task Aggregate_GeotileFrequency_KeysAreZoomXY()
    {
        using var client = app.CreateClient();

        var world = Buckets(Named(await AggregationsAsync(await client.GetAsync("/aggregate?aggregations=grid_geotile_frequency", Ct)), "grid_geotile_frequency"));
        var zoom2 = Buckets(Named(await AggregationsAsync(await client.GetAsync("/aggregate?aggregations=grid_geotile_frequency&grid_geotile_frequency_precision=2", Ct)), "grid_geotile_frequency"));

        Assert.Equal(new Dictionary<string, long> { ["0/0/0"] = 27 }, world);
        Assert.Equal(25, zoom2["2/2/1"]);   // 10–13°E 45°N
        Assert.Equal(27, zoom2.Values.Sum());
    }

    [Fact]
    public async Task Aggregate_WithBboxAndCql2Filter_CountsOnlyTheMatchingItems()
    {
        using var client = app.CreateClient();
        var filter = Uri.EscapeDataString("T_AFTER(datetime, TIMESTAMP('2025-01-09T12:00:00Z')) AND eo:cloud_cover < 20");

        var aggregations = await AggregationsAsync(await client.GetAsync(
            $"/aggregate?aggregations=total_count,collection_frequency&bbox=10.95,44,11.25,46&filter-lang=cql2-text&filter={filter}", Ct));

        // The bbox matches public-05..12 (Jan 6..13); the filter keeps Jan 10..13.
        Assert.Equal(4, Named(aggregations, "total_count").GetProperty("value").GetInt64());
        Assert.Equal(4, Buckets(Named(aggregations, "collection_frequency"))[CatalogApp.Collection]);
    }

    [Fact]
    public async Task AggregatePost_WithIntersectsAndCql2JsonFilter()
    {
        using var client = app.CreateClient();
        var body = new Dictionary<string, object?>
        {
            ["aggregations"] = new[] { "total_count", "datetime_frequency", "grid_geohash_frequency" },
            ["intersects"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[10.05,45.1],[10.55,45.1],[10.55,45.2],[10.05,45.2],[10.05,45.1]]]}"""),
            ["filter"] = JsonNode.Parse("""{"op":"not","args":[{"op":"in","args":[{"property":"id"},["public-00","sensitive-1"]]}]}"""),
            ["filter-lang"] = "cql2-json",
            ["datetime_frequency_interval"] = "year",
            ["grid_geohash_frequency_precision"] = 3,
        };

        var aggregations = await AggregationsAsync(await client.PostAsJsonAsync("/aggregate", body, Ct));

        // The polygon touches public-00..05; the filter removes public-00.
        Assert.Equal(5, Named(aggregations, "total_count").GetProperty("value").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["2025-01-01T00:00:00.000Z"] = 5 }, Buckets(Named(aggregations, "datetime_frequency")));
        Assert.Equal(5, Buckets(Named(aggregations, "grid_geohash_frequency")).Values.Sum());
    }

    [Fact]
    public async Task Aggregate_HiddenItemsNeverCounted_EvenWhenNamedByIdOrFilter()
    {
        using var client = app.CreateClient();
        var filter = Uri.EscapeDataString("id IN ('sensitive-1', 'controlled-1', 'unpublished-public', 'public-03')");

        var byFilter = await AggregationsAsync(await client.GetAsync($"/aggregate?aggregations=total_count&filter={filter}", Ct));
        var byIds = await AggregationsAsync(await client.GetAsync("/aggregate?aggregations=total_count&ids=restricted-1,controlled-1,unpublished-public", Ct));

        Assert.Equal(1, Named(byFilter, "total_count").GetProperty("value").GetInt64());
        Assert.Equal(0, Named(byIds, "total_count").GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task CollectionAggregate_RestrictsToTheCollection_AndUnknownCollectionIs404()
    {
        using var client = app.CreateClient();

        var body = await MarketplaceApp.ReadJsonAsync(await client.GetAsync(
            $"/collections/{CatalogApp.Collection}/aggregate?aggregations=total_count,collection_frequency&datetime=2025-02-01T00:00:00Z/..", Ct), Ct);
        using var unknown = await client.GetAsync("/collections/no-such-collection/aggregate?aggregations=total_count", Ct);
        using var unknownPost = await client.PostAsJsonAsync("/collections/no-such-collection/aggregate", new { aggregations = new[] { "total_count" } }, Ct);

        Assert.Equal(2, Named(body.GetProperty("aggregations"), "total_count").GetProperty("value").GetInt64());
        Assert.Contains(body.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "collection");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found", Ct);
        await ProblemAssert.IsProblemAsync(unknownPost, HttpStatusCode.NotFound, "not-found", Ct);
    }

    [Fact]
    public async Task Aggregations_ListTheAvailableAggregationsWithLinks()
    {
        using var client = app.CreateClient();

        var root = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/aggregations", Ct), Ct);
        var collection = await MarketplaceApp.ReadJsonAsync(await client.GetAsync($"/collections/{CatalogApp.Collection}/aggregations", Ct), Ct);
        using var unknown = await client.GetAsync("/collections/no-such-collection/aggregations", Ct);

        var byName = root.GetProperty("aggregations").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Equal("integer", byName["total_count"].GetProperty("data_type").GetString());
        Assert.False(byName["total_count"].TryGetProperty("frequency_distribution_data_type", out _));
        Assert.Equal("frequency_distribution", byName["datetime_frequency"].GetProperty("data_type").GetString());
        Assert.Equal("datetime", byName["datetime_frequency"].GetProperty("frequency_distribution_data_type").GetString());
        Assert.Equal("numeric", byName["cloud_cover_frequency"].GetProperty("frequency_distribution_data_type").GetString());
        Assert.Equal("string", byName["grid_geohash_frequency"].GetProperty("frequency_distribution_data_type").GetString());
        Assert.Contains("collection_frequency", byName.Keys);
        var rels = root.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Contains("self", rels);
        Assert.Contains("root", rels);
        Assert.Contains(collection.GetProperty("links").EnumerateArray(), l =>
            l.GetProperty("rel").GetString() == "self" && l.GetProperty("href").GetString()!.EndsWith($"/collections/{CatalogApp.Collection}/aggregations", StringComparison.Ordinal));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found", Ct);
    }

    [Theory]
    [InlineData("/aggregate", "aggregations")]
    [InlineData("/aggregate?aggregations=", "aggregations")]
    [InlineData("/aggregate?aggregations=total_count,no_such_aggregation", "aggregations")]
    [InlineData("/aggregate?aggregations=datetime_frequency&datetime_frequency_interval=fortnight", "datetime_frequency_interval")]
    [InlineData("/aggregate?aggregations=grid_geohash_frequency&grid_geohash_frequency_precision=0", "grid_geohash_frequency_precision")]
    [InlineData("/aggregate?aggregations=grid_geohash_frequency&grid_geohash_frequency_precision=13", "grid_geohash_frequency_precision")]
    [InlineData("/aggregate?aggregations=grid_geohash_frequency&grid_geohash_frequency_precision=two", "grid_geohash_frequency_precision")]
    [InlineData("/aggregate?aggregations=grid_geotile_frequency&grid_geotile_frequency_precision=30", "grid_geotile_frequency_precision")]
    [InlineData("/aggregate?aggregations=total_count&bbox=1,2,3", "bbox")]
    [InlineData("/aggregate?aggregations=total_count&datetime=yesterday", "datetime")]
    [InlineData("/aggregate?aggregations=total_count&filter=cloud_cover%20%3C%2010", "filter")]
    [InlineData("/aggregate?aggregations=total_count&filter=eo%3Acloud_cover%20%3C%20%3C%2010", "filter")]
    [InlineData("/aggregate?aggregations=total_count&filter=id%20%3D%20%27x%27&filter-lang=cql3", "filter-lang")]
    [InlineData("/collections/" + CatalogApp.Collection + "/aggregate?aggregations=nope", "aggregations")]
    public async Task Aggregate_WithBadParameter_Returns400NamingIt(string url, string parameter)
    {
        using var client = app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync(url, Ct), HttpStatusCode.BadRequest, "validation", Ct);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task AggregatePost_WithBadParameters_Returns400NamingEach()
    {
        using var client = app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/aggregate", new Dictionary<string, object?>
        {
            ["aggregations"] = "not-an-array-of-known-names",
            ["bbox"] = new[] { 0.0, 10.0, 10.0, 0.0 },
            ["grid_geotile_frequency_precision"] = -1,
        }, Ct), HttpStatusCode.BadRequest, "validation", Ct);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("aggregations", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("bbox", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("grid_geotile_frequency_precision", out _), problem.ToString());
    }
}
