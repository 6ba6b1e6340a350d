using Marketplace.Identity.Callers;
using Marketplace.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Organizations;

/// <summary>Lists the organizations the caller may see: all for platform admins and auditors, else its own.</summary>
public sealed class ListOrganizations(IdentityDbContext db)
{
    public async Task<IReadOnlyList<OrganizationView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking();
        if (!caller.SeesAllOrganizations)
        {
            query = query.Where(o => o.Id == caller.OrganizationId);
        }
        var organizations = await query.OrderBy(o => o.Slug).ToListAsync(ct);
        return organizations.Select(OrganizationView.From).ToList();
    }
}
