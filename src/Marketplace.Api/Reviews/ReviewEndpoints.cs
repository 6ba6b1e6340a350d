using System.Security.Claims;
using Marketplace.Api.Hosting;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Roles;
using Marketplace.Ingestion.Classification.Reviews;
using Marketplace.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Reviews;

/// <summary>
/// The compliance review queue: products whose grade needs a person, with the policy's reasons and the certified
/// item; and reviewers' decisions (approve, reject, regrade), each with a mandatory comment, recorded in the audit log.
/// </summary>
internal static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapGet("/", ListReviews).WithName(nameof(ListReviews)).RequireAuthorization(Readers)
            .WithSummary("The review queue, oldest first: open reviews unless state= says otherwise (reviewer, auditor).");
        reviews.MapGet("/{reviewId:guid}", GetReview).WithName(nameof(GetReview)).RequireAuthorization(Readers)
            .WithSummary("One review with the grade under review, the rules that fired, the certified item and every decision.");
        reviews.MapPost("/{reviewId:guid}/decision", Decide).WithName(nameof(Decide)).RequireAuthorization(Reviewers)
            .WithSummary("Approve the grade, reject the product, or regrade it (grade), with a mandatory comment (reviewer). Four eyes: grades from the policy's fourEyesFrom need two different reviewers.");
        return app;
    }

    public static async Task<Results<Ok<ReviewList>, ValidationProblem, ProblemHttpResult>> ListReviews(
        ListReviews handler, CancellationToken ct, string? state = null, int? limit = null, string? after = null)
    {
        Guid? afterId = null;
        if (after is not null)
        {
            if (!Guid.TryParse(after, out var parsed))
            {
                return Failures.Invalid<ReviewList>("after", "Use the value from a next link.").ToOk();
            }
            afterId = parsed;
        }
        return (await handler.HandleAsync(state, limit, afterId, ct)).ToOk();
    }

    public static async Task<Results<Ok<ReviewView>, ValidationProblem, ProblemHttpResult>> GetReview(
        Guid reviewId, ListReviews handler, CancellationToken ct) => (await handler.FindAsync(reviewId, ct)).ToOk();

    public static async Task<Results<Ok<ReviewView>, ValidationProblem, ProblemHttpResult>> Decide(
        Guid reviewId, ReviewDecisionRequest request, DecideReview handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller().ToAuditActor(), reviewId, request, ct)).ToOk();

    private static void Readers(AuthorizationPolicyBuilder policy) => policy.RequireRole(MarketplaceRoles.Reviewer, MarketplaceRoles.Auditor);

    private static void Reviewers(AuthorizationPolicyBuilder policy) => policy.RequireRole(MarketplaceRoles.Reviewer);
}
