using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Members;

/// <summary>Lists an organization's active members (its administrators and platform admins).</summary>
public sealed class ListMembers(IdentityDbContext db, OrganizationAccess access)
{
    public async Task<Outcome<IReadOnlyList<MemberView>>> HandleAsync(Caller caller, Guid organizationId, CancellationToken ct)
    {
        var found = await access.ForAdministrationAsync(caller, organizationId, ct);
        if (found is not Outcome<Organization>.Ok)
        {
            return OrganizationAccess.Relay<IReadOnlyList<MemberView>>(found);
        }
        var members = await db.Members.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.RemovedAt == null)
            .OrderBy(m => m.Email).ToListAsync(ct);
        return members.Select(MemberView.From).ToList();
    }
}
