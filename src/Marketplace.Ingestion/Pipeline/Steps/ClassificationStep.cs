using System.Text.Json.Nodes;
using Marketplace.Ingestion.Classification;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Products;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>Classification: grades the certified item and either lets it be published or puts it in the review queue.</summary>
public sealed class ClassificationStep(IProductClassifier classifier, TimeProvider clock) : IPipelineStep
{
    public string Name => PipelineSteps.Classification;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = context.Product;
        var item = JsonNode.Parse(product.Item ?? throw new InvalidOperationException("The product has no certified item."))!.AsObject();
        var result = await classifier.ClassifyAsync(product, item, ct);
        var now = clock.GetUtcNow();
        item["properties"]!["marketplace:grade"] = result.Grade;
        product.Certify(item.ToJsonString(), product.CertificationReport!, product.CertificationJws!, now);
        var reasons = new JsonObject { ["policy_version"] = result.PolicyVersion, ["grade"] = result.Grade, ["reasons"] = result.Reasons.DeepClone() };
        product.Classify(result.Grade, reasons.ToJsonString(), now);
        if (result.NeedsReview)
        {
            product.MoveTo(ProductStatus.InReview, now);
        }
        var findings = result.NeedsReview
            ? new[] { Finding.Info("classification.review", $"Graded {result.Grade}: a reviewer decides before it is published.") }
            : [Finding.Info("classification.graded", $"Graded {result.Grade}.")];
        return StepResult.Of(findings, reasons);
    }
}
