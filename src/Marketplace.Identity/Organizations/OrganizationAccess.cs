using Marketplace.Identity.Callers;
using Marketplace.Identity.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Organizations;

/// <summary>
/// Loads an organization for an administrative operation: not found when the caller may not see it (so its
/// existence is not revealed), forbidden when the caller sees it but does not administer it.
/// </summary>
public sealed class OrganizationAccess(IdentityDbContext db)
{
    public async Task<Outcome<Organization>> ForAdministrationAsync(Caller caller, Guid organizationId, CancellationToken ct)
    {
        var organization = caller.CanSee(organizationId)
            ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct)
            : null;
        if (organization is null)
        {
            return new Outcome<Organization>.NotFound($"Organization '{organizationId}' was not found.");
        }
        return caller.CanAdminister(organizationId)
            ? organization
            : new Outcome<Organization>.Forbidden("Managing an organization needs its provider-admin or buyer-admin role.");
    }

    /// <summary>Carries a failure of <see cref="ForAdministrationAsync"/> over to another outcome type.</summary>
    public static Outcome<T> Relay<T>(Outcome<Organization> failure) => failure switch
    {
        Outcome<Organization>.NotFound f => new Outcome<T>.NotFound(f.Detail),
        Outcome<Organization>.Forbidden f => new Outcome<T>.Forbidden(f.Detail),
        _ => throw new ArgumentException("Only failures can be relayed.", nameof(failure)),
    };
}
