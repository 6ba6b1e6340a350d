using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.IntegrationTests.Identity;

/// <summary>A member signs in through the web client: authorization code with PKCE, then refresh.</summary>
public sealed partial class AuthorizationCodeFlowTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private const string RedirectUri = MarketplaceApp.Issuer + "signin-callback";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Member_SignsInWithPkce_GetsTokensThatWorkAndRefresh()
    {
        var member = app.Demo.Members.Single(m => m.Organization == "national-mapping-agency");
        using var browser = app.CreateClient(allowRedirects: false);
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

        var code = await SignInAndAuthorizeAsync(browser, member.Email, member.Password, Challenge(verifier));
        var tokens = await ExchangeAsync(browser, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = "marketplace-web",
            ["code_verifier"] = verifier,
        });

        using (var api = app.WithToken(tokens.GetProperty("access_token").GetString()!))
        {
            var me = await MarketplaceApp.ReadJsonAsync(await api.GetAsync("/me", Ct), Ct);
            Assert.Equal("member", me.GetProperty("principalType").GetString());
            Assert.Equal(app.OrganizationId("national-mapping-agency"), me.GetProperty("organizationId").GetGuid());
            Assert.Equal(member.Roles.Order(), me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order());
        }
        var refreshed = await ExchangeAsync(browser, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
            ["client_id"] = "marketplace-web",
        });
        using var again = app.WithToken(refreshed.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task CodeExchange_WithWrongVerifier_IsRefused()
    {
        var member = app.Demo.Members.Single(m => m.Organization == "geoinsight");
        using var browser = app.CreateClient(allowRedirects: false);
        var code = await SignInAndAuthorizeAsync(browser, member.Email, member.Password,
            Challenge(Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32))));

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = "marketplace-web",
            ["code_verifier"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
        });
        using var response = await browser.PostAsync("/connect/token", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await MarketplaceApp.ReadJsonAsync(response, Ct)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorize_WithoutCodeChallenge_IsRefused()
    {
        using var browser = app.CreateClient(allowRedirects: false);

        using var response = await browser.GetAsync(
            $"/connect/authorize?client_id=marketplace-web&response_type=code&scope=openid%20api&redirect_uri={Uri.EscapeDataString(RedirectUri)}", Ct);

        var location = response.Headers.Location?.ToString() ?? "";
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(location.Contains("error=invalid_request", StringComparison.Ordinal) || body.Contains("invalid_request", StringComparison.Ordinal),
            $"Expected invalid_request, got {(int)response.StatusCode} {location} {body}");
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsTheFormAgainWith401()
    {
        var member = app.Demo.Members.Single(m => m.Organization == "orbital-eye");
        using var browser = app.CreateClient(allowRedirects: false);
        var page = await browser.GetStringAsync("/account/login", Ct);

        using var response = await PostSignInAsync(browser, page, member.Email, "wrong-password", "/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not correct", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string Challenge(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static async Task<string> SignInAndAuthorizeAsync(HttpClient browser, string email, string password, string challenge)
    {
        var authorize = "/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = "marketplace-web",
            ["response_type"] = "code",
            ["scope"] = "openid profile api offline_access",
            ["redirect_uri"] = RedirectUri,
            ["state"] = "xyz",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        using var first = await browser.GetAsync(authorize, Ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = first.Headers.Location!;
        Assert.Equal("/account/login", login.IsAbsoluteUri ? login.AbsolutePath : login.OriginalString.Split('?')[0]);
        var returnUrl = QueryHelpers.ParseQuery(login.IsAbsoluteUri ? login.Query : "?" + login.OriginalString.Split('?')[1])["ReturnUrl"].ToString();

        var page = await browser.GetStringAsync(login, Ct);
        using var signedIn = await PostSignInAsync(browser, page, email, password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var second = await browser.GetAsync(signedIn.Headers.Location!, Ct);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var callback = second.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("xyz", query["state"].ToString());
        return query["code"].ToString();
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string page, string email, string password, string returnUrl)
    {
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "The sign-in page carries an antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        });
        return await browser.PostAsync("/account/login", form, Ct);
    }

    private static async Task<System.Text.Json.JsonElement> ExchangeAsync(HttpClient client, Dictionary<string, string> fields)
    {
        using var form = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync("/connect/token", form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken|[^\"]*Antiforgery[^\"]*|[^\"]*RequestVerification[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
