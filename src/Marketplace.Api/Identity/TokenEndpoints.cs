using System.Security.Claims;
using Marketplace.Api.Hosting;
using Marketplace.Identity;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Tokens;
using Marketplace.Platform.Audit.Recording;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Api.Identity;

/// <summary>
/// The OAuth2 token and authorization endpoints. The token server validates the protocol (client secrets, PKCE,
/// codes, refresh tokens); these handlers decide who the token is for, from the current state of the client or
/// member. Protocol errors are OAuth2 error responses (RFC 6749 section 5.2), as OAuth2 clients expect.
/// </summary>
internal static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + IdentityModule.TokenEndpoint, Exchange).WithName(nameof(Exchange)).WithTags("Identity").AllowAnonymous()
            .WithSummary("Issues access tokens (client_credentials, authorization_code with PKCE, refresh_token).")
            .DisableAntiforgery();
        app.MapMethods("/" + IdentityModule.AuthorizationEndpoint, [HttpMethods.Get, HttpMethods.Post], Authorize)
            .WithName(nameof(Authorize)).WithTags("Identity").AllowAnonymous()
            .WithSummary("Authorization endpoint for the web client (authorization code with PKCE).")
            .DisableAntiforgery();
        return app;
    }

    public static async Task<IResult> Exchange(HttpContext http, TokenPrincipals principals, IAuditTrail audit, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The token request was not handled by the token server.");
        ClaimsPrincipal? principal = null;
        if (request.IsClientCredentialsGrantType())
        {
            principal = await principals.ForClientAsync(request.ClientId!, request.GetScopes(), ct);
        }
        else if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (Guid.TryParse(granted.Principal?.GetClaim(Claims.Subject), out var memberId))
            {
                principal = await principals.ForMemberAsync(memberId, granted.Principal!.GetScopes(), ct);
            }
        }
        if (principal is null)
        {
            return Refuse(Errors.InvalidGrant, "The client or member is no longer active.");
        }
        var actor = AuditActors.FromPrincipal(principal);
        await audit.RecordAsync(new AuditEvent("token.issued", actor, [$"client:{request.ClientId}"], [actor.OrganizationId!.Value],
            Decision: "allow", Details: new Dictionary<string, string> { ["grantType"] = request.GrantType ?? "" }), ct);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static async Task<IResult> Authorize(HttpContext http, TokenPrincipals principals, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The authorization request was not handled by the token server.");
        var session = await http.AuthenticateAsync(AuthenticationSetup.SessionScheme);
        var principal = session.Succeeded && Guid.TryParse(session.Principal?.FindFirstValue(Claims.Subject), out var memberId)
            ? await principals.ForMemberAsync(memberId, request.GetScopes(), ct)
            : null;
        if (principal is null)
        {
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList());
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [AuthenticationSetup.SessionScheme]);
        }
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
