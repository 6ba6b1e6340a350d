using Marketplace.Identity.Organizations;

namespace Marketplace.Identity.Roles;

/// <summary>The roles a member or API client can hold, and which organization kinds may grant them.</summary>
public static class MarketplaceRoles
{
    public const string ProviderAdmin = "provider-admin";
    public const string Uploader = "uploader";
    public const string BuyerAdmin = "buyer-admin";
    public const string Buyer = "buyer";
    public const string Reviewer = "reviewer";
    public const string Auditor = "auditor";
    public const string PlatformAdmin = "platform-admin";

    public static IReadOnlyList<string> All { get; } = [ProviderAdmin, Uploader, BuyerAdmin, Buyer, Reviewer, Auditor, PlatformAdmin];

    /// <summary>Roles that let a caller manage its own organization's members and API clients.</summary>
    public static IReadOnlyList<string> OrganizationAdmins { get; } = [ProviderAdmin, BuyerAdmin, PlatformAdmin];

    /// <summary>Roles that let a caller upload files for its (provider) organization and see its uploads.</summary>
    public static IReadOnlyList<string> Uploaders { get; } = [ProviderAdmin, Uploader];

    /// <summary>Roles an organization of the given kind may grant.</summary>
    public static IReadOnlyList<string> AllowedFor(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Provider => [ProviderAdmin, Uploader],
        OrganizationKind.Government => [BuyerAdmin, Buyer, Auditor],
        OrganizationKind.Commercial or OrganizationKind.Research => [BuyerAdmin, Buyer],
        OrganizationKind.Platform => [PlatformAdmin, Reviewer, Auditor],
        _ => [],
    };
}
