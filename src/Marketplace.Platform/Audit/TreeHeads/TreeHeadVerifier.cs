using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Platform.Audit.TreeHeads;

/// <summary>
/// Checks a signed tree head offline: the JWS is ES256, signed by the key of its <c>kid</c> in the given JWKS, and
/// its payload is exactly the canonical body of the stated size, root and timestamp.
/// </summary>
public static class TreeHeadVerifier
{
    public static bool Verify(SignedTreeHead head, JsonWebKeySet keys, out string problem)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(keys);
        var parts = head.Signature.Split('.');
        if (parts.Length != 3)
        {
            problem = "the signature is not a compact JWS";
            return false;
        }
        using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256" || header.RootElement.GetProperty("kid").GetString() != head.KeyId)
        {
            problem = "the JWS header does not name ES256 and the tree head's key";
            return false;
        }
        var jwk = keys.Keys.FirstOrDefault(k => k.Kid == head.KeyId && k.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve);
        if (jwk is null)
        {
            problem = $"the key '{head.KeyId}' is not in the JWKS";
            return false;
        }
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
        });
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        if (!key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            problem = "the signature does not verify";
            return false;
        }
        var expected = new TreeHeadBody(head.TreeSize, head.RootHash, head.Timestamp).ToCanonicalBytes();
        if (!Base64UrlEncoder.DecodeBytes(parts[1]).AsSpan().SequenceEqual(expected))
        {
            problem = "the signed payload is not the stated tree size, root hash and timestamp";
            return false;
        }
        problem = "";
        return true;
    }
}
