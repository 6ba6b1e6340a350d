using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Marketplace.Ingestion.Uploads;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Ingestion.Uploads;

/// <summary>What upload tests do again and again: new provider organizations, uploads, blocks through the write URL, reading blobs back.</summary>
public static class UploadSteps
{
    public const int MiB = 1024 * 1024;

    /// <summary>The storage API version a plain client sends with its requests.</summary>
    public const string StorageVersion = "2025-01-05";

    /// <summary>A provider organization of its own (so quotas and uploads are the test's alone) with an uploader API client.</summary>
    public static async Task<(HttpClient Uploader, Guid OrganizationId)> NewProviderAsync(MarketplaceApp app, CancellationToken ct)
    {
        using var platform = await app.ClientAsAsync("demo-platform-admin", ct);
        var slug = "provider-" + Guid.NewGuid().ToString("N")[..12];
        using var created = await platform.PostAsJsonAsync("/organizations",
            new { slug, name = "Provider " + slug, kind = "provider", clearance = "restricted" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organizationId = (await MarketplaceApp.ReadJsonAsync(created, ct)).GetProperty("id").GetGuid();
        using var client = await platform.PostAsJsonAsync($"/organizations/{organizationId}/clients",
            new { displayName = "Uploader", roles = new[] { "uploader" } }, ct);
        Assert.Equal(HttpStatusCode.Created, client.StatusCode);
        var secret = await MarketplaceApp.ReadJsonAsync(client, ct);
        var token = await app.GetTokenAsync(secret.GetProperty("client").GetProperty("clientId").GetString()!, secret.GetProperty("clientSecret").GetString()!, ct);
        return (app.WithToken(token), organizationId);
    }

    public static async Task SetQuotaAsync(MarketplaceApp app, Guid organizationId, long? maxBytes, int? maxConcurrentUploads, CancellationToken ct)
    {
        using var platform = await app.ClientAsAsync("demo-platform-admin", ct);
        using var response = await platform.PutAsJsonAsync($"/uploads/quota/{organizationId}", new { maxBytes, maxConcurrentUploads }, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Opens an upload and checks it was created; the upload resource.</summary>
    public static async Task<JsonElement> CreateAsync(HttpClient uploader, long size, long? blockSize, CancellationToken ct,
        string fileName = "scene.tif", string? sha256 = null)
    {
        using var response = await uploader.PostAsJsonAsync("/uploads",
            new { fileName, size, mediaType = "image/tiff", sha256, blockSize }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient uploader, Guid uploadId, CancellationToken ct)
    {
        using var response = await uploader.GetAsync($"/uploads/{uploadId}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await MarketplaceApp.ReadJsonAsync(response, ct);
    }

    public static async Task<JsonElement> QuotaAsync(HttpClient uploader, CancellationToken ct)
    {
        using var response = await uploader.GetAsync("/uploads/quota", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await MarketplaceApp.ReadJsonAsync(response, ct);
    }

    public static Uri UploadUrl(JsonElement upload) => new(upload.GetProperty("uploadUrl").GetString()!);

    public static Guid Id(JsonElement upload) => upload.GetProperty("id").GetGuid();

    /// <summary>Put Block through a write URL, as any plain HTTP client would.</summary>
    public static async Task<HttpResponseMessage> PutBlockAsync(HttpClient http, Uri uploadUrl, string blockId, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{uploadUrl}&comp=block&blockid={Uri.EscapeDataString(blockId)}") { Content = content };
        request.Headers.Add("x-ms-version", StorageVersion);
        return await http.SendAsync(request, ct);
    }

    /// <summary>Puts block <paramref name="number"/> of <paramref name="file"/> cut in blocks of <paramref name="blockSize"/>, and expects 201.</summary>
    public static async Task PutPlannedBlockAsync(HttpClient http, Uri uploadUrl, byte[] file, int blockSize, int number, CancellationToken ct)
    {
        var offset = number * blockSize;
        using var content = new ByteArrayContent(file, offset, Math.Min(blockSize, file.Length - offset));
        using var response = await PutBlockAsync(http, uploadUrl, BlockIds.For(number), content, ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Put Block {number}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>Reproducible content of a given length.</summary>
    public static byte[] File(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The Content-MD5 of a block: Blob storage's check that a block arrived intact, not a security measure.</summary>
    [SuppressMessage("Security", "CA5351", Justification = "Content-MD5 is the transfer checksum Blob storage verifies.")]
    public static byte[] ContentMd5(ReadOnlySpan<byte> bytes) => MD5.HashData(bytes);

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The upload's blob, read with the platform's own storage client (write URLs cannot read).</summary>
    public static BlockBlobClient Blob(MarketplaceApp app, Guid organizationId, Guid uploadId) =>
        app.Services.GetRequiredService<BlobServiceClient>()
            .GetBlobContainerClient(app.Services.GetRequiredService<StagingArea>().ContainerName)
            .GetBlockBlobClient($"{organizationId}/{uploadId}");

    public static async Task<string> BlobSha256Async(MarketplaceApp app, Guid organizationId, Guid uploadId, CancellationToken ct)
    {
        await using var stream = await Blob(app, organizationId, uploadId).OpenReadAsync(cancellationToken: ct);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
