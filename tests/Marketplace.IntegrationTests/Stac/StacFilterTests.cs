using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Stac;

public sealed class StacFilterTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> IdsAsync(HttpResponseMessage response)
    {
        var body = await MarketplaceApp.ReadJsonAsync(response, Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order().ToList();
    }

    [Theory]
    [InlineData("eo:cloud_cover < 10", 0)]
    [InlineData("eo:cloud_cover = 12.5 AND id LIKE 'public-0%'", 10)]
    [InlineData("CASEI(platform) = casei('DEMO-SAT-1') AND NOT id IN ('public-00', 'public-01')", 25)]
    [InlineData("T_AFTER(datetime, TIMESTAMP('2025-02-01T12:00:00Z'))", 1)]
    [InlineData("S_INTERSECTS(geometry, BBOX(10.95, 44, 11.25, 46))", 8)]
    public async Task SearchGet_WithCql2TextFilter_ReturnsTheMatchingVisibleItems(string filter, int expected)
    {
        using var client = app.CreateClient();

        var ids = await IdsAsync(await client.GetAsync($"/search?limit=100&filter-lang=cql2-text&filter={Uri.EscapeDataString(filter)}", Ct));

        Assert.Equal(expected, ids.Count);
    }

    [Fact]
    public async Task SearchPost_WithCql2JsonFilter_CombinesSpatialAndProperty()
    {
        using var client = app.CreateClient();
        var filter = JsonNode.Parse("""
            {"op":"and","args":[
              {"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[10.05,45.1],[10.15,45.1],[10.15,45.2],[10.05,45.2],[10.05,45.1]]]}]},
              {"op":"=","args":[{"property":"platform"},"demo-sat-1"]}]}
            """);

        var ids = await IdsAsync(await client.PostAsJsonAsync("/search", new Dictionary<string, object?> { ["filter"] = filter, ["filter-lang"] = "cql2-json" }, Ct));

        Assert.Equal(["public-00", "public-01"], ids);
    }

    [Fact]
    public async Task Filter_NeverRevealsHiddenItems()
    {
        using var client = app.CreateClient();

        var ids = await IdsAsync(await client.GetAsync($"/search?limit=100&filter={Uri.EscapeDataString("id IN ('sensitive-1', 'controlled-1', 'public-03')")}", Ct));

        Assert.Equal(["public-03"], ids);
    }

    [Theory]
    [InlineData("cloud_cover < 10", "cloud_cover")]
    [InlineData("eo:cloud_cover < < 10", "at character")]
    [InlineData("eo:cloud_cover < 'ten'", "types differ")]
    public async Task Filter_Invalid_Returns400NamingTheFilter(string filter, string expected)
    {
        using var client = app.CreateClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync($"/search?filter={Uri.EscapeDataString(filter)}", Ct),
            HttpStatusCode.BadRequest, "validation", Ct);

        Assert.Contains(expected, problem.GetProperty("errors").GetProperty("filter")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Queryables_DescribeTheFilterableProperties()
    {
        using var client = app.CreateClient();

        var all = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/queryables", Ct), Ct);
        using var perCollection = await client.GetAsync($"/collections/{CatalogApp.Collection}/queryables", Ct);
        using var unknown = await client.GetAsync("/collections/no-such-collection/queryables", Ct);

        Assert.Equal("number", all.GetProperty("properties").GetProperty("eo:cloud_cover").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, perCollection.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
