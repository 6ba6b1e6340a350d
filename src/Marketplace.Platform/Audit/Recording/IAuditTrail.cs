using Microsoft.EntityFrameworkCore;

namespace Marketplace.Platform.Audit.Recording;

/// <summary>
/// Records audit events. An event about a change is recorded in the transaction of that change, so it is in the
/// log exactly when the change committed; the sequencer then gives it its place in the Merkle tree.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records in the current transaction of <paramref name="db"/>, which must have one.</summary>
    Task RecordAsync(DbContext db, AuditEvent auditEvent, CancellationToken ct);

    /// <summary>Records an event that goes with no change of state (an authentication, a read), in its own transaction.</summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken ct);
}
