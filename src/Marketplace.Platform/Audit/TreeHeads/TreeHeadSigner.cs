using Marketplace.Platform.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Platform.Audit.TreeHeads;

/// <summary>Signs tree heads with the log's ECDSA P-256 key (ES256), whose public part is published in the JWKS.</summary>
public sealed class TreeHeadSigner : IPublishedSigningKey, IDisposable
{
    private readonly Es256JwsSigner _signer;

    public TreeHeadSigner(IOptions<AuditOptions> options)
    {
        _signer = new Es256JwsSigner(EcdsaKeyFile.Load(options.Value.SigningKeyPath, options.Value.CreateKeyIfMissing), "audit");
        LogId = Convert.ToBase64String(_signer.PublicKeyHash);
    }

    public string KeyId => _signer.KeyId;

    /// <summary>The log's id: base64 SHA-256 of the public key (SubjectPublicKeyInfo), as Certificate Transparency logs use.</summary>
    public string LogId { get; }

    public JsonWebKey PublicJwk => _signer.PublicJwk;

    public SignedTreeHead Sign(long treeSize, byte[] rootHash, DateTimeOffset timestamp)
    {
        var body = new TreeHeadBody(treeSize, Convert.ToBase64String(rootHash), timestamp.ToUnixTimeMilliseconds());
        return new SignedTreeHead(treeSize, body.RootHash, body.Timestamp, KeyId, _signer.Sign(body.ToCanonicalBytes(), "sth+json"));
    }

    public void Dispose() => _signer.Dispose();
}
