using System.Security.Claims;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Tokens;

/// <summary>Builds the claims of the tokens the marketplace issues, from the current state of the client or member.</summary>
public sealed class TokenPrincipals(IdentityDbContext db, IOptions<MarketplaceIdentityOptions> options)
{
    public const string ApiScope = "api";

    /// <summary>The principal of an active API client, or null when the client is unknown or revoked.</summary>
    public async Task<ClaimsPrincipal?> ForClientAsync(string clientId, IEnumerable<string> scopes, CancellationToken ct)
    {
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId && c.RevokedAt == null, ct);
        if (client is null)
        {
            return null;
        }
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == client.OrganizationId, ct);
        return Build(client.ClientId, client.DisplayName, ClaimNames.ClientPrincipal, organization, client.Roles, scopes, email: null);
    }

    /// <summary>The principal of an active member, or null when the member is unknown or removed.</summary>
    public async Task<ClaimsPrincipal?> ForMemberAsync(Guid memberId, IEnumerable<string> scopes, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.RemovedAt == null, ct);
        if (member is null)
        {
            return null;
        }
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == member.OrganizationId, ct);
        return Build(member.Id.ToString(), member.DisplayName, ClaimNames.MemberPrincipal, organization, member.Roles, scopes, member.Email);
    }

    private ClaimsPrincipal Build(string subject, string name, string principalType, Organization organization,
        IEnumerable<string> roles, IEnumerable<string> scopes, string? email)
    {
        var identity = new ClaimsIdentity("marketplace", ClaimNames.Name, ClaimNames.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(ClaimNames.PrincipalType, principalType)
            .SetClaim(ClaimNames.Organization, organization.Id.ToString())
            .SetClaim(ClaimNames.OrganizationKind, organization.Kind.ToString().ToLowerInvariant())
            .SetClaims(Claims.Role, [.. roles]);
        if (email is not null)
        {
            identity.SetClaim(Claims.Email, email);
        }
        identity.SetScopes(scopes);
        identity.SetResources(options.Value.Audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Email when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
