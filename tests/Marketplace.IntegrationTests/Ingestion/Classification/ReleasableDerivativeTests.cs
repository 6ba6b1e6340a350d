using System.Net;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using static Marketplace.IntegrationTests.Ingestion.Classification.ClassificationSteps;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;

namespace Marketplace.IntegrationTests.Ingestion.Classification;

/// <summary>
/// Releasable derivatives under the example policy (release grade public, from restricted and sensitive products):
/// made by the platform after the source is published, certified and graded like any product, linked to the source.
/// </summary>
public sealed class ReleasableDerivativeTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Across the east edge of the example policy's test range (12° E, near 51° N), half inside.</summary>
    private static readonly (string Crs, double X, double Y) AcrossTheRangeEdge = ("EPSG:32632", 710488 - 192, 5654109 + 192);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RestrictedByResolution_GetsAPublicDerivative_ResampledToTheReleasableGsd()
    {
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (sourceId, source) = await SubmitSceneAsync(uploader, collection, "sharp", OpenCountry, 1.5, Ct);
        using var anonymous = app.CreateClient();
        Assert.Equal(("published", "restricted"), (source.GetProperty("status").GetString(), source.GetProperty("grade").GetString()));

        var derivative = await WaitForProductOfItemAsync(uploader, "sharp-public", Ct);
        Assert.Equal(JsonValueKind.Object, derivative.ValueKind);
        var view = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync($"/products/{derivative.GetProperty("id").GetGuid()}", Ct), Ct);
        Assert.Equal(("published", "public"), (view.GetProperty("status").GetString(), view.GetProperty("grade").GetString()));
        Assert.Contains(view.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "derived-from"
            && l.GetProperty("href").GetString() == $"/products/{sourceId}");
        Assert.Equal(2.5, Step(view, "raster").GetProperty("details").GetProperty("gsd").GetDouble(), 2);
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(anonymous, collection, "sharp", Ct));
        using var item = await anonymous.GetAsync($"/collections/{collection}/items/sharp-public", Ct);
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        var served = await MarketplaceApp.ReadJsonAsync(item, Ct);
        Assert.Equal("public", served.GetProperty("properties").GetProperty("marketplace:grade").GetString());
        Assert.True(served.GetProperty("properties").GetProperty("gsd").GetDouble() >= 2.5);
        Assert.Contains(served.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "derived_from"
            && l.GetProperty("href").GetString()!.EndsWith($"/collections/{collection}/items/sharp", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/products/{view.GetProperty("id").GetGuid()}/certification", Ct)).StatusCode);
    }

    [Fact]
    public async Task ProductAcrossAFence_GetsAPublicDerivative_WithTheFenceMaskedOut()
    {
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (sourceId, source) = await SubmitSceneAsync(uploader, collection, "edge", AcrossTheRangeEdge, 3, Ct);
        using var reviewer = await app.ClientAsAsync("demo-reviewer", Ct);
        using var anonymous = app.CreateClient();
        Assert.Equal("in-review", source.GetProperty("status").GetString());
        Assert.Null(await FirstProductOfItemAsync(uploader, "edge-public"));

        using var approved = await DecideAsync(reviewer, await OpenReviewOfAsync(reviewer, sourceId, Ct),
            new { decision = "approve", comment = "Half of it is in the test range." }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var derivative = await WaitForProductOfItemAsync(uploader, "edge-public", Ct);

        Assert.Equal(JsonValueKind.Object, derivative.ValueKind);
        Assert.Equal(("published", "public"), (derivative.GetProperty("status").GetString(), derivative.GetProperty("grade").GetString()));
        using var item = await anonymous.GetAsync($"/collections/{collection}/items/edge-public", Ct);
        var served = await MarketplaceApp.ReadJsonAsync(item, Ct);
        var footprint = served.GetProperty("geometry").Deserialize<Geometry>(GeoJson)!;
        Assert.True(footprint.EnvelopeInternal.MinX > 12.0, $"The masked derivative's footprint {footprint} still reaches into the fence.");
        Assert.Equal(3, served.GetProperty("properties").GetProperty("gsd").GetDouble(), 2);
        var view = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync($"/products/{derivative.GetProperty("id").GetGuid()}", Ct), Ct);
        Assert.Contains("raster.footprint-masked", FindingCodes(view));
        Assert.Contains("protected area", served.GetProperty("properties").GetProperty("description").GetString());
        Assert.DoesNotContain("test-range", served.GetProperty("properties").GetProperty("description").GetString());
    }

    private static async Task<JsonElement?> FirstProductOfItemAsync(HttpClient uploader, string itemId)
    {
        var list = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync("/products?limit=100", Ct), Ct);
        return list.GetProperty("products").EnumerateArray().Where(p => p.GetProperty("itemId").GetString() == itemId).Select(p => (JsonElement?)p).FirstOrDefault();
    }
}
