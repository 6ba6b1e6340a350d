using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Collections;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Products;

/// <summary>What a provider does to get a product certified: upload files through the write URL, submit, follow the pipeline.</summary>
public static class ProductSteps
{
    public static readonly string[] FinalStatuses = ["published", "in-review", "rejected", "withdrawn"];

    /// <summary>A collection open to every provider, with a fresh id.</summary>
    public static async Task<string> NewCollectionAsync(MarketplaceApp app, CancellationToken ct)
    {
        var id = "products-" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = app.Services.CreateAsyncScope();
        var document = JsonNode.Parse($$$"""
            {"type":"Collection","stac_version":"1.1.0","id":"{{{id}}}","description":"Products under test","license":"proprietary",
             "extent":{"spatial":{"bbox":[[-180,-90,180,90]]},"temporal":{"interval":[["2020-01-01T00:00:00Z",null]]}},"links":[]}
            """)!.AsObject();
        var outcome = await scope.ServiceProvider.GetRequiredService<UpsertCollection>().HandleAsync(document, null, ct);
        Assert.IsType<Marketplace.Platform.Outcomes.Outcome<Marketplace.Catalog.Persistence.CollectionRecord>.Ok>(outcome);
        return id;
    }

    /// <summary>Uploads <paramref name="bytes"/> in one block through the write URL and completes it; the upload id.</summary>
    public static async Task<Guid> UploadAsync(HttpClient uploader, byte[] bytes, string mediaType, CancellationToken ct, string? declaredSha256 = null)
    {
        using var response = await uploader.PostAsJsonAsync("/uploads", new
        {
            fileName = "asset.bin", size = (long)bytes.Length, mediaType = mediaType.Split(';')[0].Trim(),
            sha256 = declaredSha256 ?? Convert.ToHexStringLower(SHA256.HashData(bytes)),
        }, ct);
        var upload = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
        Assert.True(response.StatusCode == HttpStatusCode.Created, upload.ToString());
        using var http = new HttpClient();
        var blockSize = (int)upload.GetProperty("blocks").GetProperty("blockSize").GetInt64();
        for (var block = 0; (long)block * blockSize < bytes.Length; block++)
        {
            await PutPlannedBlockAsync(http, UploadUrl(upload), bytes, blockSize, block, ct);
        }
        using var completed = await uploader.PostAsync($"/uploads/{Id(upload)}/complete", null, ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        return Id(upload);
    }

    public static object Draft(string itemId, object? geometry = null, double? gsd = 10) => new
    {
        id = itemId,
        type = "Feature",
        geometry,
        properties = new Dictionary<string, object?>
        {
            ["datetime"] = "2025-06-01T03:00:00Z", ["gsd"] = gsd, ["platform"] = "testsat-1", ["title"] = "Scene " + itemId,
        },
    };

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient uploader, string collection, object draft,
        IReadOnlyDictionary<string, (Guid Upload, string[] Roles, string Type)> assets, CancellationToken ct, object? offers = null) =>
        await uploader.PostAsJsonAsync("/products", new
        {
            collection,
            item = draft,
            assets = assets.ToDictionary(a => a.Key, a => new { upload = a.Value.Upload, roles = a.Value.Roles, type = a.Value.Type }),
            offers = offers ?? new object[] { new { title = "Single-user licence", price = "120 EUR" } },
        }, ct);

    /// <summary>Polls the product until it reaches a final status (or the time runs out); its last view.</summary>
    public static async Task<JsonElement> WaitForFinalAsync(HttpClient uploader, Guid productId, CancellationToken ct, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            using var response = await uploader.GetAsync($"/products/{productId}", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var product = await MarketplaceApp.ReadJsonAsync(response, ct);
            if (FinalStatuses.Contains(product.GetProperty("status").GetString()) || DateTime.UtcNow > deadline)
            {
                return product;
            }
            await Task.Delay(200, ct);
        }
    }

    public static JsonElement Step(JsonElement product, string name) =>
        product.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    public static IReadOnlyList<string> FindingCodes(JsonElement product) =>
        [.. product.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("findings").EnumerateArray())
            .Select(f => f.GetProperty("code").GetString()!)];
}
