using System.Globalization;
using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Audit.Recording;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// Aborts an open upload, or discards a completed one not yet consumed: deletes its blob with every staged block and
/// frees its quota. Aborting an aborted or expired upload again changes nothing; a consumed upload is refused.
/// </summary>
public sealed class AbortUpload(IngestionDbContext db, StagingArea staging, IAuditTrail audit, IOptions<UploadOptions> options, TimeProvider clock)
{
    public async Task<UploadOutcome<UploadView>> HandleAsync(Uploader uploader, Guid uploadId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var upload = await db.Uploads.FindForUpdateAsync(uploadId, uploader.OrganizationId, ct);
        if (upload is null)
        {
            return UploadRefusals.NotFound<UploadView>(uploadId);
        }
        var now = clock.GetUtcNow();
        switch (upload.Status)
        {
            case UploadStatus.Aborted or UploadStatus.Expired:
                return UploadViews.From(upload, now, options.Value);
            case UploadStatus.Consumed:
                return UploadRefusals.NotOpen<UploadView>(upload, now);
        }
        var previous = UploadViews.StatusName(upload.Status);
        await staging.DiscardAsync(upload, ct);
        upload.Abort(now);
        await db.SaveAndRecordAsync(audit, new AuditEvent("upload.aborted", uploader.Actor, [$"upload:{upload.Id}"], [upload.OrganizationId],
            Details: new Dictionary<string, string>
            {
                ["previousStatus"] = previous,
                ["size"] = upload.Size.ToString(CultureInfo.InvariantCulture),
            }), ct);
        await transaction.CommitAsync(ct);
        return UploadViews.From(upload, now, options.Value);
    }
}
