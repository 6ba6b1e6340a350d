using Marketplace.Ingestion.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// Shows one upload of the caller's organization with what Blob storage holds of it (blocks, bytes, missing block
/// numbers) and, while it is open, a fresh write URL: enough for a client to resume after an interruption.
/// </summary>
public sealed class GetUpload(IngestionDbContext db, StagingArea staging, IOptions<UploadOptions> options, TimeProvider clock)
{
    public async Task<UploadOutcome<UploadView>> HandleAsync(Uploader uploader, Guid uploadId, CancellationToken ct)
    {
        var upload = await db.Uploads.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == uploadId && u.OrganizationId == uploader.OrganizationId, ct);
        if (upload is null)
        {
            return UploadRefusals.NotFound<UploadView>(uploadId);
        }
        var now = clock.GetUtcNow();
        var status = upload.StatusAt(now);
        if (status is not (UploadStatus.Open or UploadStatus.Completed))
        {
            return UploadViews.From(upload, now, options.Value);
        }
        var received = UploadViews.Progress(upload, await staging.ListBlocksAsync(upload.BlobName, ct));
        if (status is UploadStatus.Completed)
        {
            return UploadViews.From(upload, now, options.Value, received: received);
        }
        var urlExpiresAt = CreateUpload.WriteUrlExpiry(upload, now, options.Value);
        return UploadViews.From(upload, now, options.Value, staging.WriteUrl(upload.BlobName, urlExpiresAt), urlExpiresAt, received);
    }
}
