using System.ComponentModel.DataAnnotations;

namespace Marketplace.Identity;

/// <summary>The token server and token validation settings (section <c>Identity</c>).</summary>
public sealed class MarketplaceIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>Public base URL of the marketplace; the <c>iss</c> of every token it issues.</summary>
    [Required]
    public Uri Issuer { get; set; } = new("http://127.0.0.1:5000/");

    /// <summary>The <c>aud</c> of access tokens for this API.</summary>
    [Required]
    public string Audience { get; set; } = "marketplace-api";

    /// <summary>PEM file with the RSA private key that signs tokens. Empty: a key is made in memory for this process only.</summary>
    public string SigningKeyPath { get; set; } = "";

    /// <summary>PEM file with the RSA private key that encrypts authorization codes and refresh tokens. Empty: in memory.</summary>
    public string EncryptionKeyPath { get; set; } = "";

    /// <summary>Create the key files when they do not exist (local installations).</summary>
    public bool CreateKeysIfMissing { get; set; }

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>Redirect URIs of the first-party web client (authorization code with PKCE).</summary>
    public List<Uri> WebRedirectUris { get; set; } = [];

    /// <summary>Trusted external OpenID Connect issuers, each federated to one organization.</summary>
    public List<ExternalIssuerOptions> ExternalIssuers { get; set; } = [];
}
