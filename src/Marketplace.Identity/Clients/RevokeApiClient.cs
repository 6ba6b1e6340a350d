using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Clients;

/// <summary>
/// Revokes an API client: it can no longer obtain tokens, and tokens it already holds are refused on their next
/// use. The client record is kept (revoked) for the audit trail.
/// </summary>
public sealed class RevokeApiClient(IdentityDbContext db, OrganizationAccess access, ClientApplications applications, IAuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ApiClientView>> HandleAsync(Caller caller, Guid organizationId, string clientId, CancellationToken ct)
    {
        var found = await access.ForAdministrationAsync(caller, organizationId, ct);
        if (found is not Outcome<Organization>.Ok)
        {
            return OrganizationAccess.Relay<ApiClientView>(found);
        }
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.ClientId == clientId && c.OrganizationId == organizationId && c.RevokedAt == null, ct);
        if (client is null)
        {
            return new Outcome<ApiClientView>.NotFound($"API client '{clientId}' was not found.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await applications.UnregisterAsync(clientId, ct);
        client.Revoke(clock.GetUtcNow());
        await db.SaveAndRecordAsync(audit, new AuditEvent("client.revoked", caller.ToAuditActor(), [$"client:{clientId}"], [organizationId]), ct);
        await transaction.CommitAsync(ct);
        return ApiClientView.From(client);
    }
}
