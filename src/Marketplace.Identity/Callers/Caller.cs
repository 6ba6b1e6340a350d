using System.Security.Claims;
using Marketplace.Identity.Roles;

namespace Marketplace.Identity.Callers;

/// <summary>Who is calling: an API client, a member or an external user, acting for one organization.</summary>
public sealed record Caller(string Subject, string PrincipalType, Guid OrganizationId, IReadOnlyList<string> Roles, string Clearance)
{
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsPlatformAdmin => HasRole(MarketplaceRoles.PlatformAdmin);

    /// <summary>Platform admins and auditors see every organization.</summary>
    public bool SeesAllOrganizations => IsPlatformAdmin || HasRole(MarketplaceRoles.Auditor);

    /// <summary>May the caller see the organization at all (its own, or any for platform admins and auditors)?</summary>
    public bool CanSee(Guid organizationId) => organizationId == OrganizationId || SeesAllOrganizations;

    /// <summary>May the caller manage the organization's members and clients?</summary>
    public bool CanAdminister(Guid organizationId) =>
        IsPlatformAdmin || (organizationId == OrganizationId && MarketplaceRoles.OrganizationAdmins.Any(HasRole));

    /// <summary>The caller of an authenticated principal, or null when the principal lacks the marketplace claims.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue(ClaimNames.Subject);
        var organization = principal.FindFirstValue(ClaimNames.Organization);
        var clearance = principal.FindFirstValue(ClaimNames.Clearance);
        if (subject is null || !Guid.TryParse(organization, out var organizationId) || clearance is null)
        {
            return null;
        }
        var roles = principal.FindAll(ClaimNames.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return new Caller(subject, principal.FindFirstValue(ClaimNames.PrincipalType) ?? ClaimNames.ClientPrincipal, organizationId, roles, clearance);
    }
}
