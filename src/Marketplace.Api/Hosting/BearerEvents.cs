using System.Security.Claims;
using Marketplace.Identity;
using Marketplace.Identity.Callers;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Marketplace.Api.Hosting;

/// <summary>
/// Events of every bearer scheme: a validated token is completed from the current state of its principal (a
/// revoked client or unknown organization is refused), and 401/403 answers are problem documents.
/// </summary>
internal sealed class BearerEvents(ExternalIssuerOptions? externalIssuer) : JwtBearerEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var validation = context.HttpContext.RequestServices.GetRequiredService<CallerValidation>();
        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        var accepted = externalIssuer is null
            ? await validation.CompleteLocalAsync(identity, context.HttpContext.RequestAborted)
            : await validation.CompleteExternalAsync(identity, externalIssuer, context.HttpContext.RequestAborted);
        if (!accepted)
        {
            context.Fail("The token's client, member or organization is no longer active.");
        }
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var failed = context.AuthenticateFailure is not null;
        context.Response.Headers.WWWAuthenticate = failed
            ? "Bearer error=\"invalid_token\", error_description=\"The access token is not valid.\""
            : "Bearer";
        var detail = failed
            ? "The access token was refused: it is expired, wrongly signed, unsigned, from an untrusted issuer, for another audience, or its client is no longer active."
            : "This endpoint needs an access token: send 'Authorization: Bearer <token>' (obtain one at /connect/token).";
        await ProblemResponses.WriteAsync(context.HttpContext, ProblemTypes.Unauthenticated, detail);
    }

    public override Task Forbidden(ForbiddenContext context) =>
        ProblemResponses.WriteAsync(context.HttpContext, ProblemTypes.Forbidden, "The caller lacks the role this operation needs.");
}
