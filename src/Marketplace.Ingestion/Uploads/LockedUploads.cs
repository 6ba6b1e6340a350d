using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// Loads uploads with a row lock held until the current transaction ends, so completing, aborting and expiring one
/// upload never interleave (each changes its blob before its row).
/// </summary>
public static class LockedUploads
{
    public static async Task<Upload?> FindForUpdateAsync(this DbSet<Upload> uploads, Guid uploadId, Guid organizationId, CancellationToken ct) =>
        (await uploads.FromSql($"SELECT * FROM ingestion.uploads WHERE id = {uploadId} AND organization_id = {organizationId} FOR UPDATE")
            .ToListAsync(ct)).SingleOrDefault();

    /// <summary>The open upload that expired first, skipping those other sweeps hold and those in <paramref name="skip"/>.</summary>
    public static async Task<Upload?> NextExpiredAsync(this DbSet<Upload> uploads, DateTimeOffset now, Guid[] skip, CancellationToken ct) =>
        (await uploads.FromSql($"""
            SELECT * FROM ingestion.uploads
            WHERE status = 'open' AND expires_at <= {now} AND NOT (id = ANY({skip}))
            ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct)).SingleOrDefault();
}
