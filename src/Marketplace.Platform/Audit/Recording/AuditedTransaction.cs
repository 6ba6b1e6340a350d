using Microsoft.EntityFrameworkCore;

namespace Marketplace.Platform.Audit.Recording;

/// <summary>Saves a DbContext's changes and records the audit event about them in one transaction.</summary>
public static class AuditedTransaction
{
    public static async Task SaveAndRecordAsync(this DbContext db, IAuditTrail audit, AuditEvent auditEvent, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(db, auditEvent, ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, auditEvent, ct);
        await transaction.CommitAsync(ct);
    }
}
