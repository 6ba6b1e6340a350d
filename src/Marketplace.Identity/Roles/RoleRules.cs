using Marketplace.Identity.Organizations;
using Marketplace.Platform.Outcomes;

namespace Marketplace.Identity.Roles;

/// <summary>Checks a requested set of roles against what an organization of a kind may grant.</summary>
public static class RoleRules
{
    public static void Check(OrganizationKind kind, IReadOnlyList<string>? roles, FieldErrors errors)
    {
        var allowed = MarketplaceRoles.AllowedFor(kind);
        var kindName = kind.ToString().ToLowerInvariant();
        if (roles is null || roles.Count == 0)
        {
            errors.Add("roles", $"At least one role is required; a {kindName} organization grants: {string.Join(", ", allowed)}.");
            return;
        }
        var refused = roles.Where(r => !allowed.Contains(r)).ToList();
        if (refused.Count > 0)
        {
            errors.Add("roles", $"Role(s) {string.Join(", ", refused)} cannot be granted by a {kindName} organization; it grants: {string.Join(", ", allowed)}.");
        }
    }
}
