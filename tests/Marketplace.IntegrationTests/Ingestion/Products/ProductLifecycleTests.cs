using System.Net;
using System.Net.Http.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.IntegrationTests.Ingestion.Raster;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;
using UploadSteps = Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Products;

/// <summary>What providers do with their products after submitting them, and the submissions the API refuses.</summary>
public sealed class ProductLifecycleTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private const string GeoTiff = "image/tiff; application=geotiff";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CorrectedVersion_ReplacesTheCatalogItem_KeepsTheFirst_AndWithdrawingItRemovesTheItem()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var first = await PublishAsync(uploader, collection, "versioned", "First title");

        using var corrected = await uploader.PostAsJsonAsync($"/products/{first}/versions", new
        {
            item = new { type = "Feature", properties = new { datetime = "2025-06-01T03:00:00Z", gsd = 10, title = "Corrected title" } },
            assets = new { data = new { upload = await NewCogUploadAsync(uploader), roles = new[] { "data" }, type = GeoTiff } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
        var second = (await MarketplaceApp.ReadJsonAsync(corrected, Ct)).GetProperty("id").GetGuid();
        var secondView = await WaitForFinalAsync(uploader, second, Ct);
        using var anonymous = app.CreateClient();
        var served = await MarketplaceApp.ReadJsonAsync(await anonymous.GetAsync($"/collections/{collection}/items/versioned", Ct), Ct);
        var firstView = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync($"/products/{first}", Ct), Ct);
        using var stale = await uploader.PostAsJsonAsync($"/products/{first}/versions", new { item = new { properties = new { datetime = "2025-06-01T03:00:00Z" } } }, Ct);

        Assert.Equal("published", secondView.GetProperty("status").GetString());
        Assert.Equal(2, secondView.GetProperty("version").GetInt32());
        Assert.Equal(first, secondView.GetProperty("previousVersion").GetGuid());
        Assert.Equal("Corrected title", served.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal($"/products/{second}/certification", served.GetProperty("properties").GetProperty("marketplace:certification").GetProperty("report").GetProperty("href").GetString());
        Assert.Equal("published", firstView.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/products/{first}/certification", Ct)).StatusCode);
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict, "conflict", Ct);

        using var withdrawn = await uploader.PostAsync($"/products/{second}/withdraw", null, Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await MarketplaceApp.ReadJsonAsync(withdrawn, Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/collections/{collection}/items/versioned", Ct)).StatusCode);
        using var again = await uploader.PostAsync($"/products/{second}/withdraw", null, Ct);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "conflict", Ct);
    }

    [Fact]
    public async Task Products_AreListedNewestFirst_ByStatus_AndOnlyForTheirOrganization()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var (other, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var older = await PublishAsync(uploader, collection, "listed-1", "One");
        var newer = await PublishAsync(uploader, collection, "listed-2", "Two");
        await uploader.PostAsync($"/products/{older}/withdraw", null, Ct);

        var all = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync("/products?limit=1", Ct), Ct);
        var next = all.GetProperty("next").GetString()!;
        var secondPage = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync(next, Ct), Ct);
        var withdrawn = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync("/products?status=withdrawn", Ct), Ct);
        var othersList = await MarketplaceApp.ReadJsonAsync(await other.GetAsync("/products", Ct), Ct);
        using var othersView = await other.GetAsync($"/products/{newer}", Ct);
        using var badStatus = await uploader.GetAsync("/products?status=done", Ct);

        Assert.Equal(newer, all.GetProperty("products")[0].GetProperty("id").GetGuid());
        Assert.Equal(older, secondPage.GetProperty("products")[0].GetProperty("id").GetGuid());
        Assert.Equal([older], withdrawn.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Empty(othersList.GetProperty("products").EnumerateArray());
        await ProblemAssert.IsProblemAsync(othersView, HttpStatusCode.NotFound, "not-found", Ct);
        await ProblemAssert.IsProblemAsync(badStatus, HttpStatusCode.BadRequest, "validation", Ct);
    }

    [Fact]
    public async Task Submissions_ThatCannotBeCertified_AreRefusedWithTheFieldNamed()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var (other, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var mine = await NewCogUploadAsync(uploader);
        var theirs = await NewCogUploadAsync(other);
        var data = new Dictionary<string, (Guid, string[], string)> { ["data"] = (mine, ["data"], GeoTiff) };

        await ExpectInvalidAsync(await SubmitAsync(uploader, "no-such-collection", Draft("x"), data, Ct), "collection");
        await ExpectInvalidAsync(await SubmitAsync(uploader, collection, Draft("bad id/slash"), data, Ct), "item.id");
        await ExpectInvalidAsync(await SubmitAsync(uploader, collection, new { id = "no-date", properties = new { gsd = 10 } }, data, Ct), "item.properties.datetime");
        await ExpectInvalidAsync(await SubmitAsync(uploader, collection, Draft("theirs"),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (theirs, ["data"], GeoTiff) }, Ct), "assets.data.upload");
        await ExpectInvalidAsync(await SubmitAsync(uploader, collection, Draft("meta-only"),
            new Dictionary<string, (Guid, string[], string)> { ["meta"] = (mine, ["metadata"], "application/json") }, Ct), "assets");
        using var accepted = await SubmitAsync(uploader, collection, Draft("once"), data, Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await ExpectInvalidAsync(await SubmitAsync(uploader, collection, Draft("twice"), data, Ct), "assets.data.upload");
        using var sameId = await SubmitAsync(uploader, collection, Draft("once"),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (await NewCogUploadAsync(uploader), ["data"], GeoTiff) }, Ct);
        await ProblemAssert.IsProblemAsync(sameId, HttpStatusCode.Conflict, "conflict", Ct);
        using var buyer = await app.ClientAsAsync("demo-government-buyer", Ct);
        using var forbidden = await SubmitAsync(buyer, collection, Draft("buyer"), data, Ct);
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "forbidden", Ct);
        using var anonymous = app.CreateClient();
        using var unauthenticated = await SubmitAsync(anonymous, collection, Draft("anonymous"), data, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private static async Task<Guid> NewCogUploadAsync(HttpClient uploader)
    {
        using var bench = new RasterWorkbench();
        return await UploadAsync(uploader, await File.ReadAllBytesAsync((await bench.CogAsync(128, 128)).FullPath, Ct), GeoTiff, Ct);
    }

    private static async Task<Guid> PublishAsync(HttpClient uploader, string collection, string itemId, string title)
    {
        var upload = await NewCogUploadAsync(uploader);
        using var response = await uploader.PostAsJsonAsync("/products", new
        {
            collection,
            item = new { id = itemId, type = "Feature", properties = new { datetime = "2025-06-01T03:00:00Z", gsd = 10, title } },
            assets = new { data = new { upload, roles = new[] { "data" }, type = GeoTiff } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await MarketplaceApp.ReadJsonAsync(response, Ct)).GetProperty("id").GetGuid();
        Assert.Equal("published", (await WaitForFinalAsync(uploader, id, Ct)).GetProperty("status").GetString());
        return id;
    }

    private static async Task ExpectInvalidAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation", Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for '{field}': {problem}");
        }
    }
}
