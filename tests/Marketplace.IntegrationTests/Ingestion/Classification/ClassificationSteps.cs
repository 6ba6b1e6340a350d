using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.IntegrationTests.Ingestion.Raster;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;

namespace Marketplace.IntegrationTests.Ingestion.Classification;

/// <summary>Products placed where a policy looks (inside a geofence, at a chosen resolution and time), and what reviewers do.</summary>
public static class ClassificationSteps
{
    public const string GeoTiff = "image/tiff; application=geotiff";

    /// <summary>Inside the example policy's test range (UTM 32N, near 11.5° E 51.2° N), outside the hole in its middle.</summary>
    public static readonly (string Crs, double X, double Y) InsideTestRange = ("EPSG:32632", 674600, 5675000);

    /// <summary>Far from every fence of the example policy (UTM 33N, near 14.5° E 47.5° N).</summary>
    public static readonly (string Crs, double X, double Y) OpenCountry = ("EPSG:32633", 462300, 5260800);

    /// <summary>Uploads a 128×128 COG at <paramref name="place"/> with <paramref name="gsd"/> m pixels, submits it and waits for a final status.</summary>
    public static async Task<(Guid Id, JsonElement View)> SubmitSceneAsync(HttpClient uploader, string collection, string itemId,
        (string Crs, double X, double Y) place, double gsd, CancellationToken ct, DateTimeOffset? acquired = null,
        IDictionary<string, object?>? properties = null)
    {
        using var bench = new RasterWorkbench();
        var cog = await bench.CogAtAsync(128, 128, place.Crs, place.X, place.Y, gsd);
        var upload = await UploadAsync(uploader, await File.ReadAllBytesAsync(cog.FullPath, ct), GeoTiff, ct);
        var itemProperties = new Dictionary<string, object?>
        {
            ["datetime"] = (acquired ?? DateTimeOffset.Parse("2025-06-01T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture))
                .ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["gsd"] = gsd,
            ["platform"] = "testsat-1",
        };
        foreach (var (key, value) in properties ?? new Dictionary<string, object?>())
        {
            itemProperties[key] = value;
        }
        using var response = await SubmitAsync(uploader, collection, new { id = itemId, type = "Feature", properties = itemProperties },
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (upload, ["data"], GeoTiff) }, ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await MarketplaceApp.ReadJsonAsync(response, ct)).GetProperty("id").GetGuid();
        return (id, await WaitForFinalAsync(uploader, id, ct));
    }

    /// <summary>The open review of a product, as a reviewer finds it in the queue.</summary>
    public static async Task<JsonElement> OpenReviewOfAsync(HttpClient reviewer, Guid productId, CancellationToken ct)
    {
        using var response = await reviewer.GetAsync("/reviews?limit=200", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await MarketplaceApp.ReadJsonAsync(response, ct);
        return list.GetProperty("reviews").EnumerateArray().Single(r => r.GetProperty("product").GetGuid() == productId);
    }

    public static Task<HttpResponseMessage> DecideAsync(HttpClient reviewer, JsonElement review, object decision, CancellationToken ct) =>
        reviewer.PostAsJsonAsync($"/reviews/{review.GetProperty("id").GetGuid()}/decision", decision, ct);

    /// <summary>Waits until the product's status is <paramref name="status"/> (or the time runs out); its last view.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient uploader, Guid productId, string status, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync($"/products/{productId}", ct), ct);
            if (view.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                return view;
            }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>A caller of a new provider organization with clearance <c>restricted</c> (it sees others' restricted items).</summary>
    public static async Task<HttpClient> RestrictedCallerAsync(MarketplaceApp app, CancellationToken ct) =>
        (await Uploads.UploadSteps.NewProviderAsync(app, ct)).Uploader;

    /// <summary>The HTTP status of reading an item as <paramref name="client"/>: 200 when visible, 404 when hidden.</summary>
    public static async Task<HttpStatusCode> ItemStatusAsync(HttpClient client, string collection, string itemId, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/collections/{collection}/items/{itemId}", ct);
        return response.StatusCode;
    }

    /// <summary>A new API client with the reviewer role in the platform organization (a second pair of eyes).</summary>
    public static async Task<HttpClient> NewReviewerAsync(MarketplaceApp app, HttpClient platformAdmin, Guid platformOrganization, CancellationToken ct)
    {
        using var created = await platformAdmin.PostAsJsonAsync($"/organizations/{platformOrganization}/clients",
            new { displayName = "Second reviewer", roles = new[] { "reviewer" } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = await MarketplaceApp.ReadJsonAsync(created, ct);
        return app.WithToken(await app.GetTokenAsync(secret.GetProperty("client").GetProperty("clientId").GetString()!,
            secret.GetProperty("clientSecret").GetString()!, ct));
    }

    /// <summary>
    /// Waits until the organization has a product of <paramref name="itemId"/> in a final status (a derivative the
    /// platform submits on its own); its view, or an undefined element when none appeared in time.
    /// </summary>
    public static async Task<JsonElement> WaitForProductOfItemAsync(HttpClient uploader, string itemId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var list = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync("/products?limit=100", ct), ct);
            var found = list.GetProperty("products").EnumerateArray().FirstOrDefault(p => p.GetProperty("itemId").GetString() == itemId);
            if (found.ValueKind == JsonValueKind.Object && FinalStatuses.Contains(found.GetProperty("status").GetString()))
            {
                return found;
            }
            await Task.Delay(250, ct);
        }
        return default;
    }
}
