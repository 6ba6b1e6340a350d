using System.Security.Cryptography;
using System.Text;
using Marketplace.Platform.Canonicalization;
using Marketplace.Platform.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Platform.Audit.TreeHeads;

/// <summary>Signs tree heads with the log's ECDSA P-256 key (ES256), whose public part is published in the JWKS.</summary>
public sealed class TreeHeadSigner : IPublishedSigningKey, IDisposable
{
    private readonly ECDsa _key;

    public TreeHeadSigner(IOptions<AuditOptions> options)
    {
        _key = EcdsaKeyFile.Load(options.Value.SigningKeyPath, options.Value.CreateKeyIfMissing);
        var publicKey = _key.ExportParameters(includePrivateParameters: false);
        var keyHash = SHA256.HashData(_key.ExportSubjectPublicKeyInfo());
        LogId = Convert.ToBase64String(keyHash);
        KeyId = "audit-" + Base64UrlEncoder.Encode(keyHash.AsSpan(0, 12).ToArray());
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

    /// <summary>The log's id: base64 SHA-256 of the public key (SubjectPublicKeyInfo), as Certificate Transparency logs use.</summary>
    public string LogId { get; }

    public JsonWebKey PublicJwk { get; }

    public SignedTreeHead Sign(long treeSize, byte[] rootHash, DateTimeOffset timestamp)
    {
        var body = new TreeHeadBody(treeSize, Convert.ToBase64String(rootHash), timestamp.ToUnixTimeMilliseconds());
        var header = JsonCanonicalizer.Serialize(new Dictionary<string, string> { ["alg"] = "ES256", ["kid"] = KeyId, ["typ"] = "sth+json" },
            System.Text.Json.JsonSerializerOptions.Default);
        var signingInput = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(body.ToCanonicalBytes());
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new SignedTreeHead(treeSize, body.RootHash, body.Timestamp, KeyId, signingInput + "." + Base64UrlEncoder.Encode(signature));
    }

    public void Dispose() => _key.Dispose();
}
