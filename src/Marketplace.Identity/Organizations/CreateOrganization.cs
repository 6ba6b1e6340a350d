using System.Text.RegularExpressions;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Organizations;

public sealed record CreateOrganizationRequest(string? Slug, string? Name, string? Kind, string? Clearance);

/// <summary>Registers a new organization (platform admins only).</summary>
public sealed partial class CreateOrganization(IdentityDbContext db, GradeScale grades, IAuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<OrganizationView>> HandleAsync(Caller caller, CreateOrganizationRequest request, CancellationToken ct)
    {
        if (!caller.IsPlatformAdmin)
        {
            return new Outcome<OrganizationView>.Forbidden("Only platform administrators register organizations.");
        }
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Slug) || !SlugPattern().IsMatch(request.Slug))
        {
            errors.Add("slug", "Use 2 to 64 lower-case letters, digits and hyphens, starting with a letter.");
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors.Add("name", "A name of 1 to 200 characters is required.");
        }
        if (!Enum.TryParse<OrganizationKind>(request.Kind, ignoreCase: true, out var kind) || int.TryParse(request.Kind, out _))
        {
            errors.Add("kind", "Use one of: provider, government, commercial, research, platform.");
        }
        if (request.Clearance is null || !grades.AssignableClearances.Contains(request.Clearance))
        {
            errors.Add("clearance", $"Use one of: {string.Join(", ", grades.AssignableClearances)}.");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<OrganizationView>();
        }
        if (await db.Organizations.AnyAsync(o => o.Slug == request.Slug, ct))
        {
            return new Outcome<OrganizationView>.Conflict($"An organization with slug '{request.Slug}' exists already.");
        }
        var now = clock.GetUtcNow();
        var organization = Organization.Create(Guid.CreateVersion7(now), request.Slug!, request.Name!.Trim(), kind, request.Clearance!, now);
        db.Organizations.Add(organization);
        await db.SaveAndRecordAsync(audit, new AuditEvent("organization.created", caller.ToAuditActor(),
            [$"organization:{organization.Id}"], [organization.Id],
            Details: new Dictionary<string, string> { ["slug"] = organization.Slug, ["kind"] = request.Kind!.ToLowerInvariant(), ["clearance"] = organization.Clearance }), ct);
        return OrganizationView.From(organization);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex SlugPattern();
}
