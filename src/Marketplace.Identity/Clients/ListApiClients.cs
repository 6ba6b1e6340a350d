using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Clients;

/// <summary>Lists an organization's API clients, revoked ones included (never their secrets).</summary>
public sealed class ListApiClients(IdentityDbContext db, OrganizationAccess access)
{
    public async Task<Outcome<IReadOnlyList<ApiClientView>>> HandleAsync(Caller caller, Guid organizationId, CancellationToken ct)
    {
        var found = await access.ForAdministrationAsync(caller, organizationId, ct);
        if (found is not Outcome<Organization>.Ok)
        {
            return OrganizationAccess.Relay<IReadOnlyList<ApiClientView>>(found);
        }
        var clients = await db.ApiClients.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId)
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return clients.Select(ApiClientView.From).ToList();
    }
}
