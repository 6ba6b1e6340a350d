using System.Globalization;

namespace Marketplace.Cli.Http;

/// <summary>The upload endpoints: open an upload, read it (with the blocks received), send a block through the API, complete it.</summary>
internal sealed class UploadsApi(MarketplaceApi api)
{
    public Task<UploadView> CreateAsync(CreateUploadRequest request, CancellationToken ct) =>
        api.SendJsonAsync<UploadView>(HttpMethod.Post, "uploads", request, ct);

    /// <summary>The upload with what storage holds of it and, while it is open, a fresh write URL.</summary>
    public Task<UploadView> GetAsync(Guid uploadId, CancellationToken ct) =>
        api.SendJsonAsync<UploadView>(HttpMethod.Get, $"uploads/{uploadId}", null, ct);

    /// <summary>The fallback for clients that cannot reach Blob storage: block <paramref name="number"/> streamed through the API.</summary>
    public Task StageBlockAsync(Guid uploadId, int number, Func<HttpContent> content, CancellationToken ct) =>
        api.SendAsync(HttpMethod.Put, string.Create(CultureInfo.InvariantCulture, $"uploads/{uploadId}/blocks/{number}"), content, ct);

    /// <summary>Commits the blocks in order; the server checks they add up to the declared size and seals the blob.</summary>
    public Task<UploadView> CompleteAsync(Guid uploadId, IReadOnlyList<string> blockIds, CancellationToken ct) =>
        api.SendJsonAsync<UploadView>(HttpMethod.Post, $"uploads/{uploadId}/complete", new CompleteUploadRequest(blockIds), ct);
}
