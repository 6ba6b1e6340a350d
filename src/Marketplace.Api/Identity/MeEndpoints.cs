using System.Security.Claims;
using Marketplace.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Identity;

/// <summary>Who the token belongs to: a quick check that a token works and what it may do.</summary>
internal static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", GetMe).WithName(nameof(GetMe)).WithTags("Identity").RequireAuthorization()
            .WithSummary("The caller: subject, organization, roles and clearance.");
        return app;
    }

    public static Ok<MeView> GetMe(ClaimsPrincipal user)
    {
        var caller = user.ToCaller();
        return TypedResults.Ok(new MeView(caller.Subject, caller.PrincipalType, caller.OrganizationId, caller.Roles, caller.Clearance,
            user.FindFirstValue("iss")));
    }
}

public sealed record MeView(string Subject, string PrincipalType, Guid OrganizationId, IReadOnlyList<string> Roles, string Clearance, string? Issuer);
