using System.Security.Claims;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Callers;

/// <summary>The audit log's view of a caller.</summary>
public static class AuditActors
{
    public static AuditActor ToAuditActor(this Caller caller) => new(caller.PrincipalType, caller.Subject, caller.OrganizationId);

    /// <summary>The actor of a principal the token server is about to issue tokens for.</summary>
    public static AuditActor FromPrincipal(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimNames.PrincipalType) ?? ClaimNames.ClientPrincipal,
        principal.FindFirstValue(ClaimNames.Subject),
        Guid.TryParse(principal.FindFirstValue(ClaimNames.Organization), out var organization) ? organization : null);
}
