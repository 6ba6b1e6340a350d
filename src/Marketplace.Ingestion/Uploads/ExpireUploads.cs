using System.Globalization;
using Azure;
using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Audit.Recording;
using Microsoft.Extensions.Logging;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// Expires open uploads past their expiry: deletes each blob with its staged blocks, then marks the upload expired
/// with its audit entry, one upload per transaction. Several workers may sweep at once; each takes other uploads.
/// </summary>
public sealed partial class ExpireUploads(IngestionDbContext db, StagingArea staging, IAuditTrail audit, TimeProvider clock, ILogger<ExpireUploads> logger)
{
    /// <summary>The most uploads one sweep handles; the next sweep continues.</summary>
    public const int MaxPerSweep = 1000;

    /// <returns>How many uploads expired.</returns>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var failed = new List<Guid>();
        var expired = 0;
        while (expired + failed.Count < MaxPerSweep)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var upload = await db.Uploads.NextExpiredAsync(now, [.. failed], ct);
            if (upload is null)
            {
                break;
            }
            try
            {
                await staging.DiscardAsync(upload, ct);
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException)
            {
                LogDiscardFailed(e, upload.Id);
                failed.Add(upload.Id);
                continue;
            }
            upload.Expire(now);
            await db.SaveAndRecordAsync(audit, new AuditEvent("upload.expired", AuditActor.Platform, [$"upload:{upload.Id}"], [upload.OrganizationId],
                Details: new Dictionary<string, string>
                {
                    ["expiresAt"] = upload.ExpiresAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    ["size"] = upload.Size.ToString(CultureInfo.InvariantCulture),
                }), ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            expired++;
        }
        return expired;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the blob of expired upload {UploadId}; the next sweep retries")]
    private partial void LogDiscardFailed(Exception exception, Guid uploadId);
}
