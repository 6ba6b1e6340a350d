using System.Security.Cryptography;
using System.Text;
using Marketplace.Platform.Canonicalization;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Platform.Keys;

/// <summary>
/// Signs payloads as compact JWS (RFC 7515) with an ECDSA P-256 key (ES256) and describes its public part as a JWK
/// whose <c>kid</c> is the key's purpose followed by a hash of the public key, so a verifier can pick the key.
/// </summary>
public sealed class Es256JwsSigner : IPublishedSigningKey, IDisposable
{
    private readonly ECDsa _key;

    public Es256JwsSigner(ECDsa key, string purpose)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        var publicKey = _key.ExportParameters(includePrivateParameters: false);
        PublicKeyHash = SHA256.HashData(_key.ExportSubjectPublicKeyInfo());
        KeyId = purpose + "-" + Base64UrlEncoder.Encode(PublicKeyHash.AsSpan(0, 12).ToArray());
        PublicJwk = new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(publicKey.Q.X),
            Y = Base64UrlEncoder.Encode(publicKey.Q.Y),
            Kid = KeyId,
            Alg = SecurityAlgorithms.EcdsaSha256,
            Use = JsonWebKeyUseNames.Sig,
        };
    }

    public string KeyId { get; }

    /// <summary>SHA-256 of the public key (SubjectPublicKeyInfo).</summary>
    public byte[] PublicKeyHash { get; }

    public JsonWebKey PublicJwk { get; }

    /// <summary>The compact JWS of <paramref name="payload"/>: protected header {alg, kid, typ}, payload, signature.</summary>
    public string Sign(ReadOnlySpan<byte> payload, string type)
    {
        var header = JsonCanonicalizer.Serialize(new Dictionary<string, string> { ["alg"] = "ES256", ["kid"] = KeyId, ["typ"] = type },
            System.Text.Json.JsonSerializerOptions.Default);
        var signingInput = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(payload.ToArray());
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    public void Dispose() => _key.Dispose();
}
