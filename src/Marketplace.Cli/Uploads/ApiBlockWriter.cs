using Marketplace.Cli.Http;

namespace Marketplace.Cli.Uploads;

/// <summary>The fallback for networks that cannot reach Blob storage: <c>PUT /uploads/{id}/blocks/{n}</c>, streamed through the API.</summary>
internal sealed class ApiBlockWriter(UploadsApi uploads, Guid uploadId) : IBlockWriter
{
    public string Route => "the API";

    public Task WriteAsync(int number, string blockId, Func<HttpContent> content, CancellationToken ct) =>
        uploads.StageBlockAsync(uploadId, number, content, ct);
}
