using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Cli.Certification;

/// <summary>
/// Checks a certification report offline: the compact JWS's ES256 signature with the P-256 key of its <c>kid</c> from
/// a JSON Web Key Set, and that its payload is the report (RFC 8785 canonical JSON). Needs no network.
/// </summary>
internal static class CertificationReportVerifier
{
    public static CertificationVerification Verify(string jws, string jwksJson)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var parts = jws.Trim().Split('.');
        if (parts.Length != 3)
        {
            return CertificationVerification.Failed("The file is not a compact JWS (three base64url parts separated by dots).");
        }
        JsonElement header;
        byte[] payload;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0])).RootElement.Clone();
            payload = Base64UrlEncoder.DecodeBytes(parts[1]);
            signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return CertificationVerification.Failed($"The JWS cannot be decoded: {e.Message}");
        }
        if (!header.TryGetProperty("alg", out var alg) || alg.GetString() != "ES256")
        {
            return CertificationVerification.Failed("The JWS is not signed with ES256, the algorithm of certification reports.");
        }
        var kid = header.TryGetProperty("kid", out var k) ? k.GetString() : null;
        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(jwksJson);
        }
        catch (ArgumentException e)
        {
            return CertificationVerification.Failed($"The key set is not a JSON Web Key Set: {e.Message}");
        }
        var key = keys.Keys.FirstOrDefault(j => j.Kid == kid && j.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && j.Crv == JsonWebKeyECTypes.P256);
        if (key is null)
        {
            return CertificationVerification.Failed($"The key set has no P-256 key with the report's kid '{kid}'.");
        }
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(key.X), Y = Base64UrlEncoder.DecodeBytes(key.Y) },
        });
        var valid = ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature,
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        if (!valid)
        {
            return CertificationVerification.Failed($"The signature does not verify with key '{kid}': the report was changed or not signed by that key.");
        }
        try
        {
            return new CertificationVerification(true, null, kid, JsonDocument.Parse(payload).RootElement.Clone());
        }
        catch (JsonException e)
        {
            return CertificationVerification.Failed($"The signed payload is not JSON: {e.Message}");
        }
    }

    /// <summary>The report's assets whose SHA-256 equals that of <paramref name="sha256"/>, by key.</summary>
    public static IReadOnlyList<string> AssetsWithDigest(JsonElement report, string sha256) =>
        [.. report.GetProperty("assets").EnumerateArray()
            .Where(a => a.TryGetProperty("sha256", out var digest) && string.Equals(digest.GetString(), sha256, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.GetProperty("key").GetString()!)];
}
