using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Classification.Reviews;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Products;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Classification.Regrading;

/// <summary>
/// Applies a new policy grade to a published or in-review product, in the caller's transaction. When the policy's
/// grade is unchanged nothing else changes (a reviewer's decision on it stands). Otherwise:
/// <list type="bullet">
/// <item>in review: the review starts again on the new grade, or, when the new grade needs no review, closes
/// (superseded) and the product is published;</item>
/// <item>published, new grade needs no review: it takes effect at once;</item>
/// <item>published, new grade needs review: a higher grade takes effect at once (never show more while a person
/// decides) and a review opens; a lower one only proposes itself in a review.</item>
/// </list>
/// Records <c>product.regraded</c> with the policy version and the reason, and schedules the next embargo end.
/// </summary>
public sealed class ProductRegrading(IngestionDbContext db, IAuditTrail audit, IJobQueue jobs, GradeScale grades, TimeProvider clock)
{
    public async Task ApplyAsync(Product product, ActivePolicy active, PolicyClassification result, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(result);
        var now = clock.GetUtcNow();
        var before = product.Grade!;
        var previousPolicyGrade = product.PolicyGrade;
        var reasons = Reasons(result);
        product.RecordPolicyGrade(result.Grade, result.PolicyVersion, reasons, result.RegradeAt, now);
        if (result.RegradeAt is { } at)
        {
            await jobs.EnqueueAsync(db, RegradeJob.At(product.Id, at), ct);
        }
        if (previousPolicyGrade == result.Grade)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var open = await db.Reviews.Include(r => r.Decisions).SingleOrDefaultAsync(r => r.ProductId == product.Id && r.State == ReviewState.Open, ct);
        var needsReview = active.NeedsReview(result.Grade);
        if (!needsReview)
        {
            open?.Close(ReviewState.Superseded, now, $"Policy {result.PolicyVersion} grades the product {result.Grade}, which needs no review.");
            await GradeEnforcement.ApplyAsync(db, product, result.Grade, now, ct);
            if (product.Status == ProductStatus.InReview)
            {
                await jobs.EnqueueAsync(db, new ProductPipelineJob(product.Id, PipelineSteps.Publication).ToRequest(), ct);
            }
        }
        else
        {
            if (open is null)
            {
                db.Reviews.Add(Review.Open(Guid.CreateVersion7(now), product.Id, product.OrganizationId, product.CollectionId, product.ItemId,
                    result.Grade, result.PolicyVersion, reasons, active.ApprovalsFor(result.Grade), now));
            }
            else
            {
                open.Restart(result.Grade, result.PolicyVersion, reasons, active.ApprovalsFor(result.Grade), now);
            }
            if (product.Status == ProductStatus.InReview || grades.Rank(result.Grade) > grades.Rank(before))
            {
                await GradeEnforcement.ApplyAsync(db, product, result.Grade, now, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(db, new AuditEvent("product.regraded", AuditActor.Platform, [$"product:{product.Id}"], [product.OrganizationId],
            PolicyVersion: result.PolicyVersion, Details: new Dictionary<string, string>
            {
                ["collection"] = product.CollectionId,
                ["item"] = product.ItemId,
                ["from"] = before,
                ["to"] = product.Grade!,
                ["policyGrade"] = result.Grade,
                ["review"] = needsReview ? "opened" : "none",
                ["reason"] = reason,
                ["reasons"] = ProviderReasons.Redact(reasons)!,
            }), ct);
    }

    /// <summary>What the product records as its grade reasons: the policy version, grade and every rule that fired.</summary>
    public static JsonObject ReasonsDocument(PolicyClassification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JsonObject
        {
            ["policyVersion"] = result.PolicyVersion,
            ["grade"] = result.Grade,
            ["regradeAt"] = result.RegradeAt?.ToString("O", CultureInfo.InvariantCulture),
            ["rules"] = result.Reasons.DeepClone(),
        };
    }

    /// <summary><see cref="ReasonsDocument"/> as JSON text.</summary>
    public static string Reasons(PolicyClassification result) => ReasonsDocument(result).ToJsonString();
}
