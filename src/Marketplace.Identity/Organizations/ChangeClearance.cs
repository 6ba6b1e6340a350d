using Marketplace.Identity.Callers;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Organizations;

public sealed record ChangeClearanceRequest(string? Clearance);

/// <summary>Sets an organization's clearance (platform admins only). Takes effect on the next request of its callers.</summary>
public sealed class ChangeClearance(IdentityDbContext db, GradeScale grades, IAuditTrail audit)
{
    public async Task<Outcome<OrganizationView>> HandleAsync(Caller caller, Guid organizationId, ChangeClearanceRequest request, CancellationToken ct)
    {
        if (!caller.CanSee(organizationId))
        {
            return new Outcome<OrganizationView>.NotFound($"Organization '{organizationId}' was not found.");
        }
        if (!caller.IsPlatformAdmin)
        {
            return new Outcome<OrganizationView>.Forbidden("Only platform administrators change clearances.");
        }
        if (request.Clearance is null || !grades.AssignableClearances.Contains(request.Clearance))
        {
            return Failures.Invalid<OrganizationView>("clearance", $"Use one of: {string.Join(", ", grades.AssignableClearances)}.");
        }
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null)
        {
            return new Outcome<OrganizationView>.NotFound($"Organization '{organizationId}' was not found.");
        }
        var previous = organization.Clearance;
        organization.ChangeClearance(request.Clearance);
        await db.SaveAndRecordAsync(audit, new AuditEvent("organization.clearance-changed", caller.ToAuditActor(),
            [$"organization:{organization.Id}"], [organization.Id],
            Details: new Dictionary<string, string> { ["from"] = previous, ["to"] = request.Clearance }), ct);
        return OrganizationView.From(organization);
    }
}
