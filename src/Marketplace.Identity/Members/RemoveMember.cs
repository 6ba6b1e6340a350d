using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Members;

/// <summary>Removes a member: its tokens stop working on their next use. The record is kept for the audit trail.</summary>
public sealed class RemoveMember(IdentityDbContext db, OrganizationAccess access, IAuditTrail audit, TimeProvider clock)
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
        await db.SaveAndRecordAsync(audit, new AuditEvent("member.removed", caller.ToAuditActor(),
            [$"member:{member.Id}"], [organizationId]), ct);
        return MemberView.From(member);
    }
}
