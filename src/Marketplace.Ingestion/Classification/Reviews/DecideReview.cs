using Marketplace.Catalog.Items;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Products;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Jobs;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>
/// Records a reviewer's decision and what follows from it, in one transaction with its audit entry:
/// <list type="bullet">
/// <item>reject: the review closes and the product is rejected (a published one leaves the catalog);</item>
/// <item>approve, or regrade (which approves the new grade): once as many different reviewers as the grade requires
/// (two from the policy's <c>fourEyesFrom</c>) approved it, the review closes, the grade takes effect everywhere,
/// and a product waiting in review is published;</item>
/// <item>a regrade to a higher grade of a published product takes effect at once, even before the second approval.</item>
/// </list>
/// The same reviewer cannot approve the same grade twice.
/// </summary>
public sealed class DecideReview(IngestionDbContext db, PolicyInForce policies, GradeScale grades, IAuditTrail audit, IJobQueue jobs, TimeProvider clock)
{
    public async Task<Outcome<ReviewView>> HandleAsync(AuditActor reviewer, Guid reviewId, ReviewDecisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var comment = request.Comment?.Trim() ?? "";
        if (comment.Length == 0)
        {
            errors.Add("comment", "A decision needs a comment saying why; it is recorded in the audit log.");
        }
        else if (comment.Length > 4000)
        {
            errors.Add("comment", "At most 4000 characters.");
        }
        ReviewDecisionKind kind = default;
        if (request.Decision is not ("approve" or "reject" or "regrade") || !Enum.TryParse(request.Decision, ignoreCase: true, out kind))
        {
            errors.Add("decision", "Use approve, reject or regrade.");
        }
        else if (kind == ReviewDecisionKind.Regrade && (request.Grade is null || !grades.Contains(request.Grade)))
        {
            errors.Add("grade", $"A regrade names a grade on the scale: {string.Join(", ", grades.Grades)}.");
        }
        else if (kind != ReviewDecisionKind.Regrade && request.Grade is not null)
        {
            errors.Add("grade", "Only a regrade names a grade; approve keeps the grade under review.");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<ReviewView>();
        }

        var review = await db.Reviews.Include(r => r.Decisions).SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null)
        {
            return new Outcome<ReviewView>.NotFound($"There is no review {reviewId}.");
        }
        if (review.State != ReviewState.Open)
        {
            return new Outcome<ReviewView>.Conflict($"The review is already closed ({review.State.ToString().ToLowerInvariant()}).");
        }
        if (kind == ReviewDecisionKind.Regrade && request.Grade == review.Grade)
        {
            return Failures.Invalid<ReviewView>("grade", $"The product is already under review as {review.Grade}; approve it instead.");
        }
        var subject = reviewer.Subject ?? reviewer.Type;
        if (kind == ReviewDecisionKind.Approve && review.HasApproved(subject))
        {
            return new Outcome<ReviewView>.Conflict(
                $"You already approved grade {review.Grade}; it needs {review.ApprovalsRequired} different reviewers (four eyes).");
        }
        var product = await db.Products.Include(p => p.Steps).SingleAsync(p => p.Id == review.ProductId, ct);
        var policy = await policies.VersionAsync(review.PolicyVersion, ct) ?? await policies.GetAsync(ct);
        var now = clock.GetUtcNow();
        var before = product.Grade!;
        var grade = kind == ReviewDecisionKind.Regrade ? request.Grade! : review.Grade;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        review.Decide(ReviewDecision.Make(review.Id, subject, reviewer.Type, reviewer.OrganizationId ?? Guid.Empty, kind, grade, comment, now),
            policy.ApprovalsFor(grade));
        if (review.State == ReviewState.Rejected)
        {
            var shown = await CatalogVersion.IsShownAsync(db, product, ct);
            product.Reject($"Rejected in compliance review: {comment}", null, null, now);
            if (shown)
            {
                await PublishItem.WithdrawAsync(db, product.CollectionId, product.ItemId, ct);
            }
        }
        else if (review.State == ReviewState.Approved)
        {
            await GradeEnforcement.ApplyAsync(db, product, grade, now, ct);
            if (product.Status == ProductStatus.InReview)
            {
                await jobs.EnqueueAsync(db, new ProductPipelineJob(product.Id, PipelineSteps.Publication).ToRequest(), ct);
            }
        }
        else if (product.Status == ProductStatus.InReview || grades.Rank(grade) > grades.Rank(before))
        {
            // Not yet enough approvals: a stricter grade still applies at once; nothing is shown until publication anyway.
            await GradeEnforcement.ApplyAsync(db, product, grade, now, ct);
        }
        await db.SaveAndRecordAsync(audit, new AuditEvent("review.decided", reviewer, [$"review:{review.Id}", $"product:{product.Id}"],
            [product.OrganizationId], PolicyVersion: review.PolicyVersion, Details: new Dictionary<string, string>
            {
                ["decision"] = request.Decision!,
                ["collection"] = product.CollectionId,
                ["item"] = product.ItemId,
                ["grade"] = grade,
                ["previousGrade"] = before,
                ["comment"] = comment,
                ["approvals"] = $"{review.Approvals}/{review.ApprovalsRequired}",
                ["review"] = review.State.ToString().ToLowerInvariant(),
            }), ct);
        await transaction.CommitAsync(ct);
        return ReviewView.From(review, product);
    }
}
