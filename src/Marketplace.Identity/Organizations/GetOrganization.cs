using Marketplace.Identity.Callers;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Organizations;

/// <summary>Shows one organization, if the caller may see it.</summary>
public sealed class GetOrganization(IdentityDbContext db)
{
    public async Task<Outcome<OrganizationView>> HandleAsync(Caller caller, Guid organizationId, CancellationToken ct)
    {
        var organization = caller.CanSee(organizationId)
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct)
            : null;
        return organization is null
            ? new Outcome<OrganizationView>.NotFound($"Organization '{organizationId}' was not found.")
            : OrganizationView.From(organization);
    }
}
