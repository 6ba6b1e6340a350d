using Marketplace.Platform.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Ingestion.Certification;

/// <summary>
/// Signs certification reports as compact JWS (ES256, <c>typ</c> <c>certification+json</c>) whose payload is the
/// report's RFC 8785 canonical JSON, so anyone holding the published key can check a report offline.
/// </summary>
public sealed class CertificationSigner(IOptions<CertificationOptions> options) : IPublishedSigningKey, IDisposable
{
    public const string MediaType = "certification+json";

    private readonly Es256JwsSigner _signer = new(EcdsaKeyFile.Load(options.Value.SigningKeyPath, options.Value.CreateKeyIfMissing), "certification");

    public string KeyId => _signer.KeyId;

    public JsonWebKey PublicJwk => _signer.PublicJwk;

    public string Sign(byte[] canonicalReport) => _signer.Sign(canonicalReport, MediaType);

    public void Dispose() => _signer.Dispose();
}
