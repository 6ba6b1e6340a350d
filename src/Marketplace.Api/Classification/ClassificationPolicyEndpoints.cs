using System.Security.Claims;
using System.Text;
using Marketplace.Api.Hosting;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Roles;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Classification;

/// <summary>
/// Classification policy versions: list them, read one as installed, install a new one (platform admins). Geofences
/// locate sensitive sites, so only platform members (admins, reviewers, auditors) read policies.
/// </summary>
internal static class ClassificationPolicyEndpoints
{
    public static IEndpointRouteBuilder MapClassificationPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/classification/policies").WithTags("Classification");
        policies.MapGet("/", ListPolicies).WithName(nameof(ListPolicies)).RequireAuthorization(PolicyReaders)
            .WithSummary("Installed classification policy versions, newest (in force) first (platform-admin, reviewer, auditor).");
        policies.MapGet("/{version}", GetPolicy).WithName(nameof(GetPolicy)).RequireAuthorization(PolicyReaders)
            .WithSummary("One policy version as installed, byte for byte; its SHA-256 is in the ETag and the list.");
        policies.MapPost("/", InstallPolicy).WithName(nameof(InstallPolicy)).RequireAuthorization(Admins)
            .Accepts<object>("application/json")
            .WithSummary("Install a new policy version (JSON, schema catalog-schemas/classification-policy/v1.0.0). It is in force at once; every published and in-review product is graded again (platform-admin).");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PolicyView>>> ListPolicies(ReadPolicies handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(ct));

    public static async Task<IResult> GetPolicy(string version, ReadPolicies handler, HttpResponse response, CancellationToken ct)
    {
        var policy = await handler.FindAsync(version, ct);
        if (policy is null)
        {
            return TypedResults.Problem(detail: $"There is no policy version '{version}'.", statusCode: ProblemTypes.NotFound.Status,
                title: ProblemTypes.NotFound.Title, type: ProblemTypes.NotFound.Uri);
        }
        response.Headers.ETag = $"\"{policy.Sha256}\"";
        return Results.Bytes(Encoding.UTF8.GetBytes(policy.Document), "application/json");
    }

    public static async Task<Results<Created<PolicyView>, ValidationProblem, ProblemHttpResult>> InstallPolicy(
        HttpRequest request, InstallPolicy handler, ClaimsPrincipal user, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var document = await reader.ReadToEndAsync(ct);
        var outcome = document.Length == 0
            ? Failures.Invalid<PolicyView>("$", "The request body is the policy document (JSON).")
            : await handler.HandleAsync(user.ToCaller().ToAuditActor(), document, ct);
        return outcome.ToCreated(p => $"/classification/policies/{Uri.EscapeDataString(p.Version)}");
    }

    private static void PolicyReaders(AuthorizationPolicyBuilder policy) =>
        policy.RequireRole(MarketplaceRoles.PlatformAdmin, MarketplaceRoles.Reviewer, MarketplaceRoles.Auditor);

    private static void Admins(AuthorizationPolicyBuilder policy) => policy.RequireRole(MarketplaceRoles.PlatformAdmin);
}
