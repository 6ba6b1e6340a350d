using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Ingest;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Outcomes;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Stac;

/// <summary>A catalog with one collection per test class, items of every grade, published or not.</summary>
public sealed class CatalogApp(StackFixture stack) : MarketplaceApp(stack)
{
    public const string Collection = "sentinel-like-l2a";

    /// <summary>Validates collections against the offline schemas, whatever the environment configures.</summary>
    protected override void Configure(IDictionary<string, string?> settings)
    {
        foreach (var (key, value) in StacSchemaValidator.OfflineSettings())
        {
            settings[key] = value;
        }
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var scope = Services.CreateAsyncScope();
        var upsert = scope.ServiceProvider.GetRequiredService<UpsertCollection>();
        var created = await upsert.HandleAsync(JsonNode.Parse("""
            {"type":"Collection","id":"COLLECTION","title":"Optical L2A","description":"Surface reflectance scenes.","license":"proprietary",
             "extent":{"spatial":{"bbox":[[-180,-90,180,90]]},"temporal":{"interval":[[null,null]]}}}
            """.Replace("COLLECTION", Collection, StringComparison.Ordinal))!.AsObject(), OrganizationId("orbital-eye"), ct);
        Assert.IsType<Outcome<Marketplace.Catalog.Persistence.CollectionRecord>.Ok>(created);
        var load = Services.GetRequiredService<LoadItems>();
        foreach (var (grade, published, items) in Seed())
        {
            var result = await load.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', items))),
                new LoadOptions(grade, published, OrganizationId("orbital-eye")), ct);
            Assert.Empty(result.Errors);
        }
    }

    public static string Item(string id, double lon, double lat, string datetime, double size = 0.5, string? title = null) =>
        JsonSerializer.Serialize(new
        {
            type = "Feature", stac_version = "1.1.0", id, collection = Collection,
            stac_extensions = new[] { "https://stac-extensions.github.io/eo/v2.0.0/schema.json" },
            geometry = new { type = "Polygon", coordinates = new[] { new[] {
                new[] { lon, lat }, new[] { lon + size, lat }, new[] { lon + size, lat + size }, new[] { lon, lat + size }, new[] { lon, lat } } } },
            properties = title is null
                ? new Dictionary<string, object> { ["datetime"] = datetime, ["platform"] = "demo-sat-1", ["eo:cloud_cover"] = 12.5 }
                : new Dictionary<string, object> { ["datetime"] = datetime, ["platform"] = "demo-sat-1", ["eo:cloud_cover"] = 12.5, ["title"] = title },
            assets = new { },
            links = Array.Empty<object>(),
        });

    private static IEnumerable<(string Grade, bool Published, string[] Items)> Seed()
    {
        yield return ("public", true, Enumerable.Range(0, 25).Select(i => Item($"public-{i:00}", 10 + i * 0.1, 45, $"2025-01-{i + 1:00}T10:00:00Z")).ToArray());
        yield return ("public", true, [Item("antimeridian-east", 179.4, -1, "2025-02-01T00:00:00Z", 0.5, "Pacific crossing east"),
            Item("antimeridian-west", -179.9, 1, "2025-02-02T00:00:00Z", 0.5, "Pacific crossing west")]);
        yield return ("public", false, [Item("unpublished-public", 10, 45, "2025-03-01T00:00:00Z")]);
        yield return ("restricted", true, [Item("restricted-1", 20, 50, "2025-03-02T00:00:00Z")]);
        yield return ("sensitive", true, [Item("sensitive-1", 30, 60, "2025-03-03T00:00:00Z")]);
        yield return ("controlled", true, [Item("controlled-1", 40, 70, "2025-03-04T00:00:00Z")]);
    }
}

public sealed class StacSearchTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> AllIdsAsync(HttpClient client, string url)
    {
        var ids = new List<string>();
        string? next = url;
        while (next is not null)
        {
            var page = await MarketplaceApp.ReadJsonAsync(await client.GetAsync(next, Ct), Ct);
            ids.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault();
        }
        return ids;
    }

    [Fact]
    public async Task Search_Anonymous_SeesOnlyPublishedPublicItems()
    {
        using var client = app.CreateClient();

        var ids = await AllIdsAsync(client, "/search?limit=100");

        Assert.Equal(27, ids.Count);
        Assert.All(ids, id => Assert.True(id.StartsWith("public-", StringComparison.Ordinal) || id.StartsWith("antimeridian-", StringComparison.Ordinal), id));
    }

    [Fact]
    public async Task Search_HighClearanceBuyer_SeesUpToSensitiveButNeverControlledOrUnpublished()
    {
        using var client = await app.ClientAsAsync("demo-government-buyer", Ct);

        var ids = await AllIdsAsync(client, "/search?limit=100");

        Assert.Contains("restricted-1", ids);
        Assert.Contains("sensitive-1", ids);
        Assert.DoesNotContain("controlled-1", ids);
        Assert.DoesNotContain("unpublished-public", ids);
        Assert.Equal(29, ids.Count);
    }

    [Fact]
    public async Task ItemAndExtent_HiddenFromLowClearance_RevealNothing()
    {
        using var low = await app.ClientAsAsync("demo-commercial-buyer", Ct);
        using var high = await app.ClientAsAsync("demo-government-buyer", Ct);

        using var hiddenItem = await low.GetAsync($"/collections/{CatalogApp.Collection}/items/sensitive-1", Ct);
        using var missingItem = await low.GetAsync($"/collections/{CatalogApp.Collection}/items/no-such-item", Ct);
        var lowExtent = (await MarketplaceApp.ReadJsonAsync(await low.GetAsync($"/collections/{CatalogApp.Collection}", Ct), Ct))
            .GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];
        var highExtent = (await MarketplaceApp.ReadJsonAsync(await high.GetAsync($"/collections/{CatalogApp.Collection}", Ct), Ct))
            .GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];

        var hidden = await ProblemAssert.IsProblemAsync(hiddenItem, HttpStatusCode.NotFound, "not-found", Ct);
        var missing = await ProblemAssert.IsProblemAsync(missingItem, HttpStatusCode.NotFound, "not-found", Ct);
        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.True(lowExtent[3].GetDouble() < 50, "the low-clearance extent stops before the restricted and sensitive items");
        Assert.True(highExtent[3].GetDouble() > 60, "the high-clearance extent includes the sensitive item");
        Assert.Equal(HttpStatusCode.OK, (await high.GetAsync($"/collections/{CatalogApp.Collection}/items/sensitive-1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Paging_WithNextTokens_ReturnsEveryItemOnceInDatetimeOrder()
    {
        using var client = app.CreateClient();

        var ids = await AllIdsAsync(client, $"/collections/{CatalogApp.Collection}/items?limit=4");

        Assert.Equal(27, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("antimeridian-west", ids[0]);
        Assert.Equal("public-00", ids[^1]);
    }

    [Fact]
    public async Task SearchPost_WithNextTokenInBody_Continues()
    {
        using var client = app.CreateClient();

        var first = await MarketplaceApp.ReadJsonAsync(await client.PostAsJsonAsync("/search", new { collections = new[] { CatalogApp.Collection }, limit = 20 }, Ct), Ct);
        var next = first.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next");
        var second = await MarketplaceApp.ReadJsonAsync(await client.PostAsJsonAsync("/search",
            new { collections = new[] { CatalogApp.Collection }, limit = 20, token = next.GetProperty("body").GetProperty("token").GetString() }, Ct), Ct);

        Assert.Equal("POST", next.GetProperty("method").GetString());
        Assert.Equal(20, first.GetProperty("numberReturned").GetInt32());
        Assert.Equal(7, second.GetProperty("numberReturned").GetInt32());
    }

    [Theory]
    [InlineData("170,-10,-170,10", new[] { "antimeridian-east", "antimeridian-west" })]
    [InlineData("179,-5,180,5", new[] { "antimeridian-east" })]
    [InlineData("10.95,44,11.25,46", new[] { "public-05", "public-06", "public-07", "public-08", "public-09", "public-10", "public-11", "public-12" })]
    public async Task Search_ByBbox_IncludingAcrossTheAntimeridian(string bbox, string[] expected)
    {
        using var client = app.CreateClient();

        var ids = await AllIdsAsync(client, $"/search?bbox={bbox}&limit=100");

        Assert.Equal(expected.Order(), ids.Order());
    }

    [Fact]
    public async Task Search_ByDatetimeInterval_AndOpenEnd()
    {
        using var client = app.CreateClient();

        var january = await AllIdsAsync(client, "/search?datetime=2025-01-10T00:00:00Z/2025-01-12T23:59:59Z&limit=100");
        var fromFebruary = await AllIdsAsync(client, "/search?datetime=2025-02-01T00:00:00Z/..&limit=100");

        Assert.Equal(["public-09", "public-10", "public-11"], january.Order());
        Assert.Equal(["antimeridian-east", "antimeridian-west"], fromFebruary.Order());
    }

    [Fact]
    public async Task Search_ByIntersectsPolygon_Post()
    {
        using var client = app.CreateClient();

        var result = await MarketplaceApp.ReadJsonAsync(await client.PostAsJsonAsync("/search", new
        {
            intersects = new { type = "Polygon", coordinates = new[] { new[] { new[] { 10.05, 45.1 }, new[] { 10.15, 45.1 }, new[] { 10.15, 45.2 }, new[] { 10.05, 45.2 }, new[] { 10.05, 45.1 } } } },
        }, Ct), Ct);

        Assert.Equal(["public-00", "public-01"], result.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Order());
    }

    [Theory]
    [InlineData("/search?bbox=1,2,3", "bbox")]
    [InlineData("/search?bbox=0,-91,10,10", "bbox")]
    [InlineData("/search?bbox=a,b,c,d", "bbox")]
    [InlineData("/search?datetime=yesterday", "datetime")]
    [InlineData("/search?datetime=2025-02-01T00:00:00Z/2025-01-01T00:00:00Z", "datetime")]
    [InlineData("/search?limit=0", "limit")]
    [InlineData("/search?limit=ten", "limit")]
    [InlineData("/search?token=not-a-token", "token")]
    public async Task Search_WithBadParameter_Returns400NamingIt(string url, string parameter)
    {
        using var client = app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync(url, Ct), HttpStatusCode.BadRequest, "validation", Ct);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Search_LimitAboveMaximum_IsClamped_AndUnknownParametersAreIgnored()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/search?limit=999999&f=json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_IntersectsWithTooManyVertices_Returns413_AndInvalidGeometry400()
    {
        using var client = app.CreateClient();
        var ring = Enumerable.Range(0, 10_001).Select(i => new[] { Math.Cos(i * 2 * Math.PI / 10_001), Math.Sin(i * 2 * Math.PI / 10_001) }).ToList();
        ring.Add(ring[0]);
        var bowTie = new[] { new[] { new[] { 10.0, 90.0 }, new[] { 90.0, 10.0 }, new[] { 90.0, 90.0 }, new[] { 10.0, 10.0 }, new[] { 10.0, 90.0 } } };

        using var huge = await client.PostAsJsonAsync("/search", new { intersects = new { type = "Polygon", coordinates = new[] { ring } } }, Ct);
        using var invalid = await client.PostAsJsonAsync("/search", new { intersects = new { type = "Polygon", coordinates = bowTie } }, Ct);

        await ProblemAssert.IsProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge, "payload-too-large", Ct);
        var problem = await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.Contains("Self-intersection", problem.GetProperty("errors").GetProperty("intersects")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LandingAndConformance_AdvertiseCoreItemSearchAndFeatures()
    {
        using var client = app.CreateClient();

        var landing = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/", Ct), Ct);
        var conformance = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/conformance", Ct), Ct);

        Assert.Equal("Catalog", landing.GetProperty("type").GetString());
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("https://api.stacspec.org/v1.0.0/item-search", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains(landing.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "data");
    }
}
