using System.Security.Claims;
using Marketplace.Identity.Persistence;
using Marketplace.Identity.Roles;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Callers;

/// <summary>
/// Checks, for every request, that the principal behind a validated token is still active (a revoked client or
/// removed member is refused at once, not when its token expires) and adds the organization's current clearance.
/// </summary>
public sealed class CallerValidation(IdentityDbContext db)
{
    /// <summary>Completes a principal from one of our own tokens; false when it must be refused.</summary>
    public async Task<bool> CompleteLocalAsync(ClaimsIdentity identity, CancellationToken ct)
    {
        var subject = identity.FindFirst(ClaimNames.Subject)?.Value;
        var type = identity.FindFirst(ClaimNames.PrincipalType)?.Value;
        if (subject is null)
        {
            return false;
        }
        string? clearance = type switch
        {
            ClaimNames.MemberPrincipal when Guid.TryParse(subject, out var memberId) => await (
                from m in db.Members.AsNoTracking()
                join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                where m.Id == memberId && m.RemovedAt == null
                select o.Clearance).FirstOrDefaultAsync(ct),
            ClaimNames.ClientPrincipal => await (
                from c in db.ApiClients.AsNoTracking()
                join o in db.Organizations.AsNoTracking() on c.OrganizationId equals o.Id
                where c.ClientId == subject && c.RevokedAt == null
                select o.Clearance).FirstOrDefaultAsync(ct),
            _ => null,
        };
        if (clearance is null)
        {
            return false;
        }
        foreach (var claim in identity.FindAll(ClaimNames.Clearance).ToList())
        {
            identity.RemoveClaim(claim);
        }
        identity.AddClaim(new Claim(ClaimNames.Clearance, clearance));
        return true;
    }

    /// <summary>
    /// Maps a principal from a trusted external issuer onto its federated organization: organization id, kind,
    /// clearance, and those of its roles the organization may grant. False when the organization does not exist.
    /// </summary>
    public async Task<bool> CompleteExternalAsync(ClaimsIdentity identity, ExternalIssuerOptions issuer, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == issuer.OrganizationSlug, ct);
        if (organization is null || identity.FindFirst(ClaimNames.Subject) is null)
        {
            return false;
        }
        var allowed = MarketplaceRoles.AllowedFor(organization.Kind);
        var roles = identity.FindAll(issuer.RolesClaim).Select(c => c.Value).Where(allowed.Contains).Distinct().ToList();
        foreach (var claim in identity.FindAll(ClaimNames.Role).ToList())
        {
            identity.RemoveClaim(claim);
        }
        foreach (var claim in identity.FindAll(c => c.Type is ClaimNames.Organization or ClaimNames.Clearance or ClaimNames.PrincipalType or ClaimNames.OrganizationKind).ToList())
        {
            identity.RemoveClaim(claim);
        }
        identity.AddClaim(new Claim(ClaimNames.PrincipalType, ClaimNames.ExternalPrincipal));
        identity.AddClaim(new Claim(ClaimNames.Organization, organization.Id.ToString()));
        identity.AddClaim(new Claim(ClaimNames.OrganizationKind, organization.Kind.ToString().ToLowerInvariant()));
        identity.AddClaim(new Claim(ClaimNames.Clearance, organization.Clearance));
        identity.AddClaims(roles.Select(r => new Claim(ClaimNames.Role, r)));
        return true;
    }
}
