using System.Net;
using System.Security.Cryptography;
using Marketplace.Identity.Tokens;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.IntegrationTests.Identity;

public sealed class TokenTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("demo-provider-admin", "orbital-eye", "provider-admin", "restricted")]
    [InlineData("demo-uploader", "orbital-eye", "uploader", "restricted")]
    [InlineData("demo-government-buyer-admin", "national-mapping-agency", "buyer-admin", "sensitive")]
    [InlineData("demo-government-buyer", "national-mapping-agency", "buyer", "sensitive")]
    [InlineData("demo-commercial-buyer-admin", "geoinsight", "buyer-admin", "public")]
    [InlineData("demo-commercial-buyer", "geoinsight", "buyer", "public")]
    [InlineData("demo-reviewer", "marketplace-platform", "reviewer", "sensitive")]
    [InlineData("demo-platform-admin", "marketplace-platform", "platform-admin", "sensitive")]
    [InlineData("demo-auditor", "space-data-regulator", "auditor", "sensitive")]
    public async Task ClientCredentials_EachDemoClient_TokenIdentifiesClientOrganizationRoleAndClearance(
        string clientId, string organization, string role, string clearance)
    {
        using var client = await app.ClientAsAsync(clientId, Ct);

        using var response = await client.GetAsync("/me", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await MarketplaceApp.ReadJsonAsync(response, Ct);
        Assert.Equal(clientId, me.GetProperty("subject").GetString());
        Assert.Equal(app.OrganizationId(organization), me.GetProperty("organizationId").GetGuid());
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(clearance, me.GetProperty("clearance").GetString());
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_IsRefusedAsInvalidClient()
    {
        using var response = await app.RequestTokenAsync("demo-government-buyer", "not-the-secret", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await MarketplaceApp.ReadJsonAsync(response, Ct);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AccessToken_IsSignedWithAKeyPublishedInTheJwks()
    {
        var demo = app.DemoClient("demo-reviewer");
        var token = new JsonWebToken(await app.GetTokenAsync(demo.ClientId, demo.ClientSecret, Ct));
        using var client = app.CreateClient();

        var discovery = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/.well-known/openid-configuration", Ct), Ct);
        var jwksUri = new Uri(discovery.GetProperty("jwks_uri").GetString()!);
        var jwks = new JsonWebKeySet(await client.GetStringAsync(jwksUri.PathAndQuery, Ct));

        Assert.Equal(MarketplaceApp.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Contains(jwks.Keys, k => k.Kid == token.Kid);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(["marketplace-api"], token.Audiences);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token.EncodedToken, new TokenValidationParameters
        {
            ValidIssuer = MarketplaceApp.Issuer,
            ValidAudience = "marketplace-api",
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task ProtectedEndpoint_WithoutToken_Returns401Problem()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/me", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated", Ct);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    public static TheoryData<string> BadTokens => ["expired", "wrongly-signed", "foreign-issuer", "wrong-audience", "alg-none", "garbage", "tampered"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ProtectedEndpoint_WithBadToken_Returns401Problem(string kind)
    {
        var token = await MakeBadTokenAsync(kind);
        using var client = app.WithToken(token);

        using var response = await client.GetAsync("/me", Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated", Ct);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedTokenBuilder_WithCorrectValues_IsAccepted()
    {
        // The forged-token tests below differ from this one by exactly one property, so they fail for that property alone.
        var token = Sign(ValidClaims(), OurSigningCredentials(), expires: DateTime.UtcNow.AddMinutes(5));
        using var client = app.WithToken(token);

        using var response = await client.GetAsync("/me", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> MakeBadTokenAsync(string kind)
    {
        switch (kind)
        {
            case "expired":
                return Sign(ValidClaims(), OurSigningCredentials(), expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddMinutes(-30));
            case "wrongly-signed":
                using (var other = RSA.Create(2048))
                {
                    var key = new RsaSecurityKey(other.ExportParameters(true)) { KeyId = OurSigningCredentials().Key.KeyId };
                    return Sign(ValidClaims(), new SigningCredentials(key, SecurityAlgorithms.RsaSha256), DateTime.UtcNow.AddMinutes(5));
                }
            case "foreign-issuer":
                return Sign(ValidClaims(issuer: "https://issuer.invalid/"), OurSigningCredentials(), DateTime.UtcNow.AddMinutes(5));
            case "wrong-audience":
                return Sign(ValidClaims(audience: "another-api"), OurSigningCredentials(), DateTime.UtcNow.AddMinutes(5));
            case "alg-none":
                return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Claims = ValidClaims(),
                    Expires = DateTime.UtcNow.AddMinutes(5),
                });
            case "garbage":
                return "not.a.jwt";
            case "tampered":
                var demo = app.DemoClient("demo-commercial-buyer");
                var real = await app.GetTokenAsync(demo.ClientId, demo.ClientSecret, Ct);
                var parts = real.Split('.');
                var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"buyer\"", "\"platform-admin\"", StringComparison.Ordinal);
                return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private Dictionary<string, object> ValidClaims(string issuer = MarketplaceApp.Issuer, string audience = "marketplace-api")
    {
        var demo = app.DemoClient("demo-government-buyer");
        return new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = demo.ClientId,
            ["principal_type"] = "client",
            ["org"] = app.OrganizationId(demo.Organization).ToString(),
            ["role"] = "buyer",
        };
    }

    private SigningCredentials OurSigningCredentials() =>
        new(app.Services.GetRequiredService<TokenKeys>().SigningKey, SecurityAlgorithms.RsaSha256);

    private static string Sign(Dictionary<string, object> claims, SigningCredentials credentials, DateTime expires, DateTime? notBefore = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = credentials,
            Expires = expires,
            NotBefore = notBefore ?? expires.AddMinutes(-20),
            IssuedAt = notBefore ?? expires.AddMinutes(-20),
            TokenType = "at+jwt",
        });

    [Fact]
    public async Task Principal_ClaimsFromTokenAreNotTrustedForClearance()
    {
        var claims = ValidClaims();
        claims["clearance"] = "controlled";
        using var client = app.WithToken(Sign(claims, OurSigningCredentials(), DateTime.UtcNow.AddMinutes(5)));

        var me = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/me", Ct), Ct);

        Assert.Equal("sensitive", me.GetProperty("clearance").GetString());
    }
}
