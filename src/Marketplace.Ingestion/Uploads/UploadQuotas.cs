using Marketplace.Ingestion.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// Reads an organization's upload quota and usage. Open uploads past their expiry no longer count, even before the
/// sweep deletes their blobs; consumed, aborted and expired uploads never do.
/// </summary>
public sealed class UploadQuotas(IngestionDbContext db, IOptions<UploadOptions> options)
{
    public async Task<UploadQuotaView> UsageAsync(Guid organizationId, DateTimeOffset now, CancellationToken ct)
    {
        var quota = await db.UploadQuotas.AsNoTracking().FirstOrDefaultAsync(q => q.OrganizationId == organizationId, ct);
        var usage = await db.Uploads.AsNoTracking()
            .Where(u => u.OrganizationId == organizationId
                        && (u.Status == UploadStatus.Completed || (u.Status == UploadStatus.Open && u.ExpiresAt > now)))
            .GroupBy(u => u.OrganizationId)
            .Select(g => new { Bytes = g.Sum(u => u.Size), Open = g.Count(u => u.Status == UploadStatus.Open) })
            .FirstOrDefaultAsync(ct);
        return new UploadQuotaView(
            organizationId,
            quota?.MaxBytes ?? options.Value.DefaultMaxBytesPerOrganization,
            quota?.MaxConcurrentUploads ?? options.Value.DefaultMaxConcurrentUploads,
            usage?.Bytes ?? 0,
            usage?.Open ?? 0,
            quota?.MaxBytes,
            quota?.MaxConcurrentUploads);
    }

    /// <summary>
    /// Serializes quota decisions of one organization until the current transaction ends, so two uploads created at the
    /// same moment cannot both take the last of the quota.
    /// </summary>
    public async Task LockAsync(Guid organizationId, CancellationToken ct)
    {
        var key = "ingestion.upload-quota:" + organizationId;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
    }
}
