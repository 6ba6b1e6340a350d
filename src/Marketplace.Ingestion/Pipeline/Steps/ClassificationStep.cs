using Marketplace.Ingestion.Classification;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Classification.Regrading;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Products;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>
/// Classification: grades the certified product under the policy in force, recording the policy version and every
/// rule that fired with its inputs, and either lets it be published or sends it to the review queue.
/// </summary>
public sealed class ClassificationStep(PolicyInForce policies, TimeProvider clock, IOptions<ClassificationOptions> options) : IPipelineStep
{
    public string Name => PipelineSteps.Classification;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = context.Product;
        var active = await policies.GetAsync(ct);
        var now = clock.GetUtcNow();
        var result = active.Evaluator.Evaluate(ProductDescriptions.From(product, options.Value), now);
        var reasons = ProductRegrading.ReasonsDocument(result);
        product.RecordPolicyGrade(result.Grade, result.PolicyVersion, reasons.ToJsonString(), result.RegradeAt, now);
        product.ApplyGrade(result.Grade, now);
        if (result.NeedsReview)
        {
            product.MoveTo(ProductStatus.InReview, now);
        }
        var findings = result.NeedsReview
            ? new[] { Finding.Info("classification.review", $"Graded {result.Grade} under policy {result.PolicyVersion}: a reviewer decides before it is published.") }
            : [Finding.Info("classification.graded", $"Graded {result.Grade} under policy {result.PolicyVersion}.")];
        return StepResult.Of(findings, reasons);
    }
}
