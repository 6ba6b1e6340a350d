using System.Net;
using System.Net.Http.Headers;
using Marketplace.Api.Hosting;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Stac;

public sealed class StacHttpTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/collections/sentinel-like-l2a/items/public-03")]
    [InlineData("/collections/sentinel-like-l2a")]
    public async Task ConditionalGet_WithTheETag_Returns304WithoutBody(string url)
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(url, Ct);
        var etag = first.Headers.ETag;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag!);
        using var second = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Search_IsCompressed_WhenTheClientAsks(string encoding)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?limit=50");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task CatalogLoadCommand_LoadsAFileOfItems_ThatSearchThenFinds()
    {
        var file = Path.Combine(Path.GetTempPath(), $"items-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllLinesAsync(file, [CatalogApp.Item("cli-loaded-1", -60, -30, "2023-05-01T00:00:00Z"), CatalogApp.Item("cli-loaded-2", -61, -31, "2023-05-02T00:00:00Z")], Ct);
        try
        {
            await CatalogCommands.LoadItemsAsync(app.Services, file, null, "public", published: true, Ct);
        }
        finally
        {
            File.Delete(file);
        }
        using var client = app.CreateClient();

        var result = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/search?ids=cli-loaded-1,cli-loaded-2", Ct), Ct);

        Assert.Equal(2, result.GetProperty("numberReturned").GetInt32());
    }

    [Fact]
    public async Task Item_WithAnEpsgCode_CarriesBothProjCodeAndProjEpsg_AndDeclaresTheProjectionVersionWithBoth()
    {
        var item = CatalogApp.Item("projected-1", 116, 39, "2024-07-01T00:00:00Z")
            .Replace("\"platform\":", "\"proj:code\":\"EPSG:32650\",\"platform\":", StringComparison.Ordinal);
        item = item.Replace("\"stac_extensions\":[", "\"stac_extensions\":[\"https://stac-extensions.github.io/projection/v2.0.0/schema.json\",", StringComparison.Ordinal);
        var loaded = await app.Services.GetRequiredService<Marketplace.Catalog.Ingest.LoadItems>().HandleAsync(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(item)), new Marketplace.Catalog.Ingest.LoadOptions("public", true, null), Ct);
        using var client = app.CreateClient();

        var served = await MarketplaceApp.ReadJsonAsync(await client.GetAsync($"/collections/{CatalogApp.Collection}/items/projected-1", Ct), Ct);

        Assert.Equal(1, loaded.Loaded);
        Assert.Equal(32650, served.GetProperty("properties").GetProperty("proj:epsg").GetInt32());
        Assert.Equal("EPSG:32650", served.GetProperty("properties").GetProperty("proj:code").GetString());
        // Projection v2 forbids proj:epsg: an item served with both codes declares v1.2.0, which has both.
        var extensions = served.GetProperty("stac_extensions").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("https://stac-extensions.github.io/projection/v1.2.0/schema.json", extensions);
        Assert.DoesNotContain("https://stac-extensions.github.io/projection/v2.0.0/schema.json", extensions);
    }
}
