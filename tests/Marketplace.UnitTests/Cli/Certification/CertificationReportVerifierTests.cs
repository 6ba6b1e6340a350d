using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Cli.Certification;
using Marketplace.Platform.Canonicalization;
using Marketplace.Platform.Keys;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.UnitTests.Cli.Certification;

public sealed class CertificationReportVerifierTests
{
    private static readonly byte[] Report = JsonCanonicalizer.Canonicalize(JsonDocument.Parse("""
        {"type":"https://satellite-marketplace.example/certification-report/v1","result":"certified",
         "product":{"id":"0190","version":1},"assets":[{"key":"data","sha256":"ab12"}]}
        """).RootElement);

    [Fact]
    public void SignedReport_VerifiesWithTheKeyOfItsKid_AndGivesTheReport()
    {
        using var signer = new Es256JwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "certification");
        using var other = new Es256JwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "audit");

        var result = CertificationReportVerifier.Verify(signer.Sign(Report, "certification+json"), Jwks(other, signer));

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(signer.KeyId, result.KeyId);
        Assert.Equal("certified", result.Report!.Value.GetProperty("result").GetString());
        Assert.Equal(["data"], CertificationReportVerifier.AssetsWithDigest(result.Report.Value, "AB12"));
        Assert.Empty(CertificationReportVerifier.AssetsWithDigest(result.Report.Value, "ab13"));
    }

    [Fact]
    public void ChangedReport_DoesNotVerify()
    {
        using var signer = new Es256JwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "certification");
        var parts = signer.Sign(Report, "certification+json").Split('.');
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Report).Replace("certified", "rejected", StringComparison.Ordinal));

        var result = CertificationReportVerifier.Verify($"{parts[0]}.{Base64UrlEncoder.Encode(changed)}.{parts[2]}", Jwks(signer));

        Assert.False(result.Valid);
        Assert.Contains("does not verify", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportSignedByAnotherKey_DoesNotVerify()
    {
        using var signer = new Es256JwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "certification");
        using var published = new Es256JwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "certification");

        var result = CertificationReportVerifier.Verify(signer.Sign(Report, "certification+json"), Jwks(published));

        Assert.False(result.Valid);
        Assert.Contains("no P-256 key", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a jws")]
    [InlineData("a.b")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.AA")]
    public void Malformed_OrNotES256_IsRefusedWithAReason(string jws)
    {
        using var signer = new Es256JwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "certification");

        var result = CertificationReportVerifier.Verify(jws, Jwks(signer));

        Assert.False(result.Valid);
        Assert.False(string.IsNullOrEmpty(result.Problem));
    }

    private static string Jwks(params Es256JwsSigner[] signers) =>
        JsonSerializer.Serialize(new { keys = signers.Select(s => new { kty = s.PublicJwk.Kty, crv = s.PublicJwk.Crv, x = s.PublicJwk.X, y = s.PublicJwk.Y, kid = s.PublicJwk.Kid, alg = s.PublicJwk.Alg, use = s.PublicJwk.Use }) });
}
