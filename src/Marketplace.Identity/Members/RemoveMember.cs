using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Members;

/// <summary>Removes a member: its tokens stop working on their next use. The record is kept for the audit trail.</summary>
public sealed class RemoveMember(IdentityDbContext db, OrganizationAccess access, TimeProvider clock)
{
    public async Task<Outcome<MemberView>> HandleAsync(Caller caller, Guid organizationId, Guid memberId, CancellationToken ct)
    {
        var found = await access.ForAdministrationAsync(caller, organizationId, ct);
        if (found is not Outcome<Organization>.Ok)
        {
            return OrganizationAccess.Relay<MemberView>(found);
        }
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.OrganizationId == organizationId && m.RemovedAt == null, ct);
        if (member is null)
        {
            return new Outcome<MemberView>.NotFound($"Member '{memberId}' was not found.");
        }
        member.Remove(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return MemberView.From(member);
    }
}
