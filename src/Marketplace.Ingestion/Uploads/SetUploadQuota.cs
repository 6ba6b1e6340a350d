using System.Globalization;
using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Uploads;

/// <param name="MaxBytes">Bytes the organization's open and completed uploads may hold; null for the default.</param>
/// <param name="MaxConcurrentUploads">Uploads it may have open at once; null for the default.</param>
public sealed record SetUploadQuotaRequest(long? MaxBytes, int? MaxConcurrentUploads);

/// <summary>
/// Sets an organization's own upload limits (the host lets only platform admins do it). Lowering a limit below what is
/// in use refuses new uploads until usage falls; nothing in progress is cut off.
/// </summary>
public sealed class SetUploadQuota(IngestionDbContext db, UploadQuotas quotas, IAuditTrail audit, TimeProvider clock)
{
    public async Task<UploadOutcome<UploadQuotaView>> HandleAsync(AuditActor actor, Guid organizationId, SetUploadQuotaRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.MaxBytes is < 0)
        {
            errors.Add("maxBytes", "Use 0 or more bytes, or null for the default.");
        }
        if (request.MaxConcurrentUploads is < 0)
        {
            errors.Add("maxConcurrentUploads", "Use 0 or more uploads, or null for the default.");
        }
        if (errors.Any)
        {
            return UploadRefusals.Invalid<UploadQuotaView>(errors);
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await quotas.LockAsync(organizationId, ct);
        var quota = await db.UploadQuotas.FirstOrDefaultAsync(q => q.OrganizationId == organizationId, ct);
        if (quota is null)
        {
            quota = OrganizationUploadQuota.For(organizationId);
            db.UploadQuotas.Add(quota);
        }
        quota.Change(request.MaxBytes, request.MaxConcurrentUploads, actor.Subject, now);
        await db.SaveAndRecordAsync(audit, new AuditEvent("upload-quota.changed", actor,
            [$"organization:{organizationId}"], [organizationId],
            Details: new Dictionary<string, string>
            {
                ["maxBytes"] = request.MaxBytes?.ToString(CultureInfo.InvariantCulture) ?? "default",
                ["maxConcurrentUploads"] = request.MaxConcurrentUploads?.ToString(CultureInfo.InvariantCulture) ?? "default",
            }), ct);
        await transaction.CommitAsync(ct);
        return await quotas.UsageAsync(organizationId, now, ct);
    }
}
