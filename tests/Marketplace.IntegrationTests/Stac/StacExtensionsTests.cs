using System.Net;
using System.Net.Http.Json;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Stac;

/// <summary>Sort, fields, query and free-text extensions, and numberMatched.</summary>
public sealed class StacExtensionsTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> PagedIdsAsync(HttpClient client, string url)
    {
        var ids = new List<string>();
        string? next = url;
        while (next is not null)
        {
            var page = await MarketplaceApp.ReadJsonAsync(await client.GetAsync(next, Ct), Ct);
            Assert.True(page.TryGetProperty("features", out var features), page.ToString());
            ids.AddRange(features.EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault();
        }
        return ids;
    }

    [Theory]
    [InlineData("sortby=id", false)]
    [InlineData("sortby=-id", true)]
    [InlineData("sortby=%2Bdatetime", false)]
    [InlineData("sortby=-eo:cloud_cover,id", false)]
    public async Task Sortby_PagesThroughEveryItemInTheRequestedOrder(string sortby, bool descendingIds)
    {
        using var client = app.CreateClient();

        var ids = await PagedIdsAsync(client, $"/search?limit=4&{sortby}");

        Assert.Equal(27, ids.Count);
        Assert.Equal(27, ids.Distinct().Count());
        if (sortby.Contains("id", StringComparison.Ordinal) && !sortby.Contains("datetime", StringComparison.Ordinal))
        {
            var expected = descendingIds ? ids.OrderDescending(StringComparer.Ordinal) : ids.Order(StringComparer.Ordinal);
            Assert.Equal(expected, ids);
        }
        else
        {
            Assert.Equal("public-00", ids[0]);
            Assert.Equal("antimeridian-west", ids[^1]);
        }
    }

    [Fact]
    public async Task Sortby_Post_AndTokensOfAnotherOrderAreRefused()
    {
        using var client = app.CreateClient();

        var first = await MarketplaceApp.ReadJsonAsync(await client.PostAsJsonAsync("/search",
            new { limit = 3, sortby = new[] { new { field = "properties.eo:cloud_cover", direction = "asc" }, new { field = "id", direction = "desc" } } }, Ct), Ct);
        var token = first.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("body").GetProperty("token").GetString();
        using var mismatched = await client.GetAsync($"/search?limit=3&token={token}", Ct);

        Assert.Equal(["public-24", "public-23", "public-22"], first.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        await ProblemAssert.IsProblemAsync(mismatched, HttpStatusCode.BadRequest, "validation", Ct);
    }

    [Theory]
    [InlineData("sortby=unknown")]
    [InlineData("sortby=id,-id")]
    public async Task Sortby_Invalid_Returns400NamingSortby(string query)
    {
        using var client = app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync($"/search?{query}", Ct), HttpStatusCode.BadRequest, "validation", Ct);

        Assert.True(problem.GetProperty("errors").TryGetProperty("sortby", out _));
    }

    [Fact]
    public async Task Fields_IncludeAndExclude_ShapeTheItems()
    {
        using var client = app.CreateClient();

        var included = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/search?ids=public-01&fields=properties.eo:cloud_cover", Ct), Ct);
        var excluded = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/search?ids=public-01&fields=-assets,-properties.platform", Ct), Ct);

        var item = included.GetProperty("features")[0];
        Assert.False(item.TryGetProperty("assets", out _));
        Assert.Equal(["eo:cloud_cover"], item.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal("public-01", item.GetProperty("id").GetString());
        var other = excluded.GetProperty("features")[0];
        Assert.False(other.TryGetProperty("assets", out _));
        Assert.False(other.GetProperty("properties").TryGetProperty("platform", out _));
        Assert.True(other.TryGetProperty("geometry", out _));
    }

    [Fact]
    public async Task Query_Extension_FiltersLikeCql2()
    {
        using var client = app.CreateClient();

        var post = await MarketplaceApp.ReadJsonAsync(await client.PostAsJsonAsync("/search",
            new { limit = 100, query = new Dictionary<string, object> { ["id"] = new { startsWith = "public-1" }, ["eo:cloud_cover"] = new { lte = 12.5 } } }, Ct), Ct);
        var get = await MarketplaceApp.ReadJsonAsync(await client.GetAsync(
            $"/search?limit=100&query={Uri.EscapeDataString("{\"id\":{\"in\":[\"public-01\",\"public-02\",\"sensitive-1\"]}}")}", Ct), Ct);
        using var bad = await client.GetAsync($"/search?query={Uri.EscapeDataString("{\"id\":{\"like\":\"x\"}}")}", Ct);

        Assert.Equal(10, post.GetProperty("numberReturned").GetInt32());
        Assert.Equal(2, get.GetProperty("numberReturned").GetInt32());
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "validation", Ct);
    }

    [Theory]
    [InlineData("q=pacific", 2)]
    [InlineData("q=crossing,nothingatall", 2)]
    [InlineData("q=nothingatall", 0)]
    public async Task FreeText_MatchesTitlesAnyTerm(string query, int expected)
    {
        using var client = app.CreateClient();

        var result = await MarketplaceApp.ReadJsonAsync(await client.GetAsync($"/search?limit=100&{query}", Ct), Ct);

        Assert.Equal(expected, result.GetProperty("numberReturned").GetInt32());
    }

    [Fact]
    public async Task NumberMatched_IsGivenWhenTheWholeResultFitsOnePage()
    {
        using var client = app.CreateClient();

        var small = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/search?limit=100", Ct), Ct);
        var paged = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/search?limit=5", Ct), Ct);

        Assert.Equal(27, small.GetProperty("numberMatched").GetInt64());
        Assert.False(paged.TryGetProperty("numberMatched", out _));
    }

    [Fact]
    public async Task Conformance_AdvertisesSortV100ForPystacClient()
    {
        using var client = app.CreateClient();

        var conformance = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/conformance", Ct), Ct);

        Assert.Contains("https://api.stacspec.org/v1.0.0/item-search#sort", conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("q=reflectance", 1)]
    [InlineData("q=nothingatall", 0)]
    [InlineData("bbox=9,44,12,46", 1)]
    [InlineData("bbox=-60,-60,-50,-50", 0)]
    [InlineData("datetime=2025-01-05T00:00:00Z/2025-01-06T00:00:00Z", 1)]
    [InlineData("datetime=2019-01-01T00:00:00Z/2019-12-31T00:00:00Z", 0)]
    public async Task CollectionSearch_FiltersByTextAndVisibleExtent(string query, int expected)
    {
        using var client = app.CreateClient();

        var result = await MarketplaceApp.ReadJsonAsync(await client.GetAsync($"/collections?{query}", Ct), Ct);

        Assert.Equal(expected, result.GetProperty("collections").GetArrayLength());
    }

    [Fact]
    public async Task CollectionSearch_ByTheExtentOfHiddenItems_FindsNothing()
    {
        using var client = app.CreateClient();

        var result = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/collections?bbox=39,69,41,71", Ct), Ct);

        Assert.Equal(0, result.GetProperty("collections").GetArrayLength());
    }
}
