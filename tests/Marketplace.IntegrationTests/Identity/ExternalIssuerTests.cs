using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Marketplace.IntegrationTests.Identity;

/// <summary>
/// The marketplace with a foreign OpenID Connect issuer (a government agency's own identity provider) federated to
/// the demo government organization. WireMock.Net serves the issuer's discovery document and JWKS.
/// </summary>
public sealed class ExternalIssuerApp(StackFixture stack) : MarketplaceApp(stack)
{
    public const string Audience = "marketplace-federation";

    private WireMockServer _issuer = null!;

    public RsaSecurityKey IssuerKey { get; } = new(RSA.Create(2048)) { KeyId = "agency-key-1" };

    public string IssuerUrl => _issuer.Url!;

    public override async ValueTask InitializeAsync()
    {
        _issuer = WireMockServer.Start();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(IssuerKey);
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        var discovery = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = IssuerUrl,
            ["jwks_uri"] = IssuerUrl + "/keys",
            ["authorization_endpoint"] = IssuerUrl + "/authorize",
            ["token_endpoint"] = IssuerUrl + "/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
        _issuer.Given(Request.Create().WithPath("/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(discovery));
        _issuer.Given(Request.Create().WithPath("/keys").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(jwks));
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Identity:ExternalIssuers:0:Issuer"] = IssuerUrl;
        settings["Identity:ExternalIssuers:0:Audience"] = Audience;
        settings["Identity:ExternalIssuers:0:OrganizationSlug"] = "national-mapping-agency";
        settings["Identity:ExternalIssuers:0:RolesClaim"] = "roles";
        settings["Identity:ExternalIssuers:0:RequireHttpsMetadata"] = "false";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _issuer.Stop();
        _issuer.Dispose();
        IssuerKey.Rsa.Dispose();
    }

    public string IssueExternalToken(string subject, string[] roles, string? audience = null, SecurityKey? key = null, string? issuer = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? IssuerUrl,
            Audience = audience ?? Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles, ["name"] = "Agency analyst" },
            SigningCredentials = new SigningCredentials(key ?? IssuerKey, SecurityAlgorithms.RsaSha256),
        });
}

public sealed class ExternalIssuerTests(ExternalIssuerApp app) : IClassFixture<ExternalIssuerApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExternalToken_FromConfiguredIssuer_ActsForTheFederatedOrganizationWithGrantableRolesOnly()
    {
        using var client = app.WithToken(app.IssueExternalToken("agency-user-42", ["buyer", "platform-admin", "unknown-role"]));

        using var response = await client.GetAsync("/me", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await MarketplaceApp.ReadJsonAsync(response, Ct);
        Assert.Equal("agency-user-42", me.GetProperty("subject").GetString());
        Assert.Equal("external", me.GetProperty("principalType").GetString());
        Assert.Equal(app.OrganizationId("national-mapping-agency"), me.GetProperty("organizationId").GetGuid());
        Assert.Equal(["buyer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("sensitive", me.GetProperty("clearance").GetString());
        Assert.Equal(app.IssuerUrl, me.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task ExternalToken_WithoutPlatformRole_CannotCreateOrganizations()
    {
        using var client = app.WithToken(app.IssueExternalToken("agency-user-7", ["platform-admin"]));

        using var response = await client.PostAsync("/organizations", JsonContent("""{"slug":"x-org","name":"X","kind":"commercial","clearance":"public"}"""), Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden", Ct);
    }

    [Fact]
    public async Task ExternalToken_ForAnotherAudience_Returns401()
    {
        using var client = app.WithToken(app.IssueExternalToken("agency-user-42", ["buyer"], audience: "marketplace-api"));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/me", Ct), HttpStatusCode.Unauthorized, "unauthenticated", Ct);
    }

    [Fact]
    public async Task ExternalToken_SignedWithAKeyNotInTheIssuersJwks_Returns401()
    {
        using var rogue = RSA.Create(2048);
        var token = app.IssueExternalToken("agency-user-42", ["buyer"], key: new RsaSecurityKey(rogue) { KeyId = "agency-key-1" });
        using var client = app.WithToken(token);

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/me", Ct), HttpStatusCode.Unauthorized, "unauthenticated", Ct);
    }

    [Fact]
    public async Task TokenFromAnUnconfiguredIssuer_SignedWithAValidKey_Returns401()
    {
        var token = app.IssueExternalToken("agency-user-42", ["buyer"], issuer: "https://unknown-issuer.invalid/");
        using var client = app.WithToken(token);

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/me", Ct), HttpStatusCode.Unauthorized, "unauthenticated", Ct);
    }

    [Fact]
    public async Task OwnTokens_StillWork_WhenExternalIssuersAreConfigured()
    {
        using var client = await app.ClientAsAsync("demo-commercial-buyer", Ct);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", Ct)).StatusCode);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
