using System.Security.Cryptography;
using Marketplace.Identity.Clients;
using Marketplace.Identity.Members;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Identity.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Marketplace.Platform.Audit.Recording;

namespace Marketplace.Identity.Demo;

/// <summary>
/// Seeds the demo world's identities: a provider, a government buyer with high clearance, a commercial buyer with
/// low clearance, the platform (compliance reviewers, administrators) and a regulator with auditors; one API
/// client per role and one member per organization. Idempotent: what exists is kept, and a secret or password
/// is replaced only when the caller does not know the current one.
/// </summary>
public sealed class SeedDemoIdentities(
    IdentityDbContext db,
    CreateApiClient createClient,
    RotateClientSecret rotateSecret,
    ClientApplications applications,
    IPasswordHasher<Member> hasher,
    IAuditTrail audit,
    TimeProvider clock)
{
    private sealed record OrgSpec(string Slug, string Name, OrganizationKind Kind, string Clearance);

    private sealed record ClientSpec(string ClientId, string OrgSlug, string Role, string Description);

    private static readonly OrgSpec[] OrgSpecs =
    [
        new("orbital-eye", "Orbital Eye Imaging", OrganizationKind.Provider, "restricted"),
        new("national-mapping-agency", "National Mapping Agency", OrganizationKind.Government, "sensitive"),
        new("geoinsight", "GeoInsight Analytics", OrganizationKind.Commercial, "public"),
        new("marketplace-platform", "Marketplace Compliance and Operations", OrganizationKind.Platform, "sensitive"),
        new("space-data-regulator", "Space Data Regulator", OrganizationKind.Government, "sensitive"),
    ];

    private static readonly ClientSpec[] ClientSpecs =
    [
        new("demo-provider-admin", "orbital-eye", MarketplaceRoles.ProviderAdmin, "Provider administrator: manages the provider's clients and offers."),
        new("demo-uploader", "orbital-eye", MarketplaceRoles.Uploader, "Provider uploader: uploads and submits products."),
        new("demo-government-buyer-admin", "national-mapping-agency", MarketplaceRoles.BuyerAdmin, "Government buyer administrator (high clearance)."),
        new("demo-government-buyer", "national-mapping-agency", MarketplaceRoles.Buyer, "Government buyer (high clearance)."),
        new("demo-commercial-buyer-admin", "geoinsight", MarketplaceRoles.BuyerAdmin, "Commercial buyer administrator (low clearance)."),
        new("demo-commercial-buyer", "geoinsight", MarketplaceRoles.Buyer, "Commercial buyer (low clearance)."),
        new("demo-reviewer", "marketplace-platform", MarketplaceRoles.Reviewer, "Platform compliance reviewer."),
        new("demo-platform-admin", "marketplace-platform", MarketplaceRoles.PlatformAdmin, "Platform administrator."),
        new("demo-auditor", "space-data-regulator", MarketplaceRoles.Auditor, "Regulator's auditor: reads the audit log."),
    ];

    /// <param name="knownSecrets">Client secrets from an earlier seed (client id → secret), kept when still valid.</param>
    /// <param name="knownPasswords">Member passwords from an earlier seed (e-mail → password), kept when still valid.</param>
    public async Task<DemoIdentities> HandleAsync(IReadOnlyDictionary<string, string> knownSecrets,
        IReadOnlyDictionary<string, string> knownPasswords, CancellationToken ct)
    {
        var organizations = new List<Organization>();
        foreach (var spec in OrgSpecs)
        {
            organizations.Add(await EnsureOrganizationAsync(spec, ct));
        }
        var bySlug = organizations.ToDictionary(o => o.Slug);
        var clients = new List<DemoClient>();
        foreach (var spec in ClientSpecs)
        {
            var secret = await EnsureClientAsync(spec, bySlug[spec.OrgSlug], knownSecrets.GetValueOrDefault(spec.ClientId), ct);
            clients.Add(new DemoClient(spec.ClientId, secret, spec.OrgSlug, [spec.Role], spec.Description));
        }
        var members = new List<DemoMember>();
        foreach (var organization in organizations)
        {
            var roles = MarketplaceRoles.AllowedFor(organization.Kind);
            var email = $"demo@{organization.Slug}.example";
            var password = await EnsureMemberAsync(organization, email, roles, knownPasswords.GetValueOrDefault(email), ct);
            members.Add(new DemoMember(email, password, organization.Slug, roles));
        }
        return new DemoIdentities(
            organizations.Select(o => new DemoOrganization(o.Id, o.Slug, o.Name, o.Kind.ToString().ToLowerInvariant(), o.Clearance)).ToList(),
            clients, members);
    }

    private async Task<Organization> EnsureOrganizationAsync(OrgSpec spec, CancellationToken ct)
    {
        var existing = await db.Organizations.FirstOrDefaultAsync(o => o.Slug == spec.Slug, ct);
        if (existing is not null)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var organization = Organization.Create(Guid.CreateVersion7(now), spec.Slug, spec.Name, spec.Kind, spec.Clearance, now);
        db.Organizations.Add(organization);
        await db.SaveAndRecordAsync(audit, new AuditEvent("organization.created", AuditActor.Platform,
            [$"organization:{organization.Id}"], [organization.Id], Details: new Dictionary<string, string> { ["slug"] = spec.Slug }), ct);
        return organization;
    }

    private async Task<string> EnsureClientAsync(ClientSpec spec, Organization organization, string? knownSecret, CancellationToken ct)
    {
        var existing = await db.ApiClients.FirstOrDefaultAsync(c => c.ClientId == spec.ClientId, ct);
        if (existing is null)
        {
            var created = await createClient.RegisterAsync(spec.ClientId, organization, spec.Description, [spec.Role], knownSecret, AuditActor.Platform, ct);
            return created.ClientSecret;
        }
        if (knownSecret is not null && existing.IsActive && await applications.IsSecretAsync(spec.ClientId, knownSecret, ct))
        {
            return knownSecret;
        }
        return await rotateSecret.RotateAsync(existing, AuditActor.Platform, ct);
    }

    private async Task<string> EnsureMemberAsync(Organization organization, string email, IReadOnlyList<string> roles, string? knownPassword, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Email == email, ct);
        if (member is null)
        {
            var now = clock.GetUtcNow();
            member = Member.Create(Guid.CreateVersion7(now), organization.Id, email, $"Demo member of {organization.Name}", roles, now);
            db.Members.Add(member);
        }
        else if (knownPassword is not null && hasher.VerifyHashedPassword(member, member.PasswordHash, knownPassword) != PasswordVerificationResult.Failed)
        {
            return knownPassword;
        }
        var password = knownPassword ?? Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));
        member.SetPasswordHash(hasher.HashPassword(member, password));
        await db.SaveChangesAsync(ct);
        return password;
    }
}
