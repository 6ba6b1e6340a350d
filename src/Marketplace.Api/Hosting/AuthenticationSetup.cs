using Marketplace.Identity;
using Marketplace.Identity.Callers;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;
using OpenIddict.Server;

namespace Marketplace.Api.Hosting;

/// <summary>
/// Bearer authentication: tokens from our own token server and from each configured external OpenID Connect
/// issuer, each validated by its own JwtBearer scheme, picked by the token's issuer. Also the browser session
/// used only by the sign-in page and the authorization endpoint.
/// </summary>
internal static class AuthenticationSetup
{
    public const string Scheme = "marketplace";
    public const string LocalScheme = "local";
    public const string SessionScheme = "session";

    public static string ExternalScheme(int index) => "external-" + index;

    public static void AddMarketplaceAuthentication(this WebApplicationBuilder builder)
    {
        var externalIssuers = builder.Configuration.GetSection(MarketplaceIdentityOptions.Section)
            .Get<MarketplaceIdentityOptions>()?.ExternalIssuers ?? [];
        var authentication = builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token", o => o.ForwardDefaultSelector = http => SelectScheme(http, externalIssuers))
            .AddJwtBearer(LocalScheme, _ => { })
            .AddCookie(SessionScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.Cookie.Name = "marketplace.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            });
        for (var i = 0; i < externalIssuers.Count; i++)
        {
            var issuer = externalIssuers[i];
            authentication.AddJwtBearer(ExternalScheme(i), o =>
            {
                o.MapInboundClaims = false;
                o.MetadataAddress = issuer.EffectiveMetadataAddress;
                o.RequireHttpsMetadata = issuer.RequireHttpsMetadata;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer.Issuer,
                    ValidAudience = issuer.Audience,
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new BearerEvents(issuer);
            });
        }
        builder.Services.AddOptions<JwtBearerOptions>(LocalScheme)
            .Configure<IOptionsMonitor<OpenIddictServerOptions>, IOptions<MarketplaceIdentityOptions>>((jwt, server, identity) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = identity.Value.Issuer.AbsoluteUri,
                    ValidAudience = identity.Value.Audience,
                    IssuerSigningKeys = server.CurrentValue.SigningCredentials.Select(c => c.Key).ToList(),
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new BearerEvents(null);
            });
    }

    /// <summary>Picks the scheme by the (not yet validated) issuer of the bearer token; ours when unknown.</summary>
    private static string SelectScheme(HttpContext http, List<ExternalIssuerOptions> externalIssuers)
    {
        var header = http.Request.Headers[HeaderNames.Authorization].ToString();
        if (externalIssuers.Count == 0 || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return LocalScheme;
        }
        try
        {
            var issuer = new JsonWebToken(header["Bearer ".Length..].Trim()).Issuer;
            for (var i = 0; i < externalIssuers.Count; i++)
            {
                if (string.Equals(externalIssuers[i].Issuer, issuer, StringComparison.Ordinal))
                {
                    return ExternalScheme(i);
                }
            }
        }
        catch (ArgumentException)
        {
            // Not a JWT: our scheme refuses it with 401.
        }
        return LocalScheme;
    }
}
