using System.ComponentModel.DataAnnotations;

namespace Marketplace.Identity;

/// <summary>
/// An external OpenID Connect issuer whose access tokens the API accepts, for example a government agency's own
/// identity provider. Its users act for one marketplace organization, with the roles its token names that the
/// organization may grant.
/// </summary>
public sealed class ExternalIssuerOptions
{
    /// <summary>The issuer's <c>iss</c> value, exactly as in its tokens.</summary>
    [Required]
    public string Issuer { get; set; } = "";

    /// <summary>The audience its tokens must carry for this API.</summary>
    [Required]
    public string Audience { get; set; } = "";

    /// <summary>Discovery document URL; empty means <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
    public string MetadataAddress { get; set; } = "";

    /// <summary>Slug of the marketplace organization the issuer's users act for.</summary>
    [Required]
    public string OrganizationSlug { get; set; } = "";

    /// <summary>Claim holding the user's roles in the issuer's tokens.</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Require HTTPS for the discovery document and keys. Turn off only for local testing.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string EffectiveMetadataAddress =>
        MetadataAddress.Length > 0 ? MetadataAddress : Issuer.TrimEnd('/') + "/.well-known/openid-configuration";
}
