using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Clients;

/// <summary>Replaces an API client's secret; the old secret stops working at once. The new one is returned once.</summary>
public sealed class RotateClientSecret(IdentityDbContext db, OrganizationAccess access, ClientApplications applications, IAuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ApiClientWithSecret>> HandleAsync(Caller caller, Guid organizationId, string clientId, CancellationToken ct)
    {
        var found = await access.ForAdministrationAsync(caller, organizationId, ct);
        if (found is not Outcome<Organization>.Ok)
        {
            return OrganizationAccess.Relay<ApiClientWithSecret>(found);
        }
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.ClientId == clientId && c.OrganizationId == organizationId && c.RevokedAt == null, ct);
        if (client is null)
        {
            return new Outcome<ApiClientWithSecret>.NotFound($"API client '{clientId}' was not found.");
        }
        var secret = await RotateAsync(client, caller.ToAuditActor(), ct);
        return new ApiClientWithSecret(ApiClientView.From(client), secret);
    }

    internal async Task<string> RotateAsync(ApiClient client, AuditActor actor, CancellationToken ct)
    {
        var secret = ClientApplications.NewSecret();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await applications.ReplaceSecretAsync(client.ClientId, secret, ct);
        client.SecretRotated(clock.GetUtcNow());
        await db.SaveAndRecordAsync(audit, new AuditEvent("client.secret-rotated", actor, [$"client:{client.ClientId}"], [client.OrganizationId]), ct);
        await transaction.CommitAsync(ct);
        return secret;
    }
}
