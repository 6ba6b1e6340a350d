using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Certification;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Products;
using Marketplace.Platform.Canonicalization;
using Marketplace.Platform.Gdal;
using Marketplace.Platform.Grading;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>
/// Certification: once every check ran, writes the signed certification report (passed or not) and, when every
/// check passed, the STAC item the product will be published as. Any error finding rejects the product, with the
/// findings in the report.
/// </summary>
public sealed class CertificationStep(CertificationSigner signer, GdalVersionProbe gdal, GradeScale grades, TimeProvider clock, IOptions<PipelineOptions> options) : IPipelineStep
{
    public string Name => PipelineSteps.Certification;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = context.Product;
        var failed = product.Steps.Where(s => PipelineSteps.Checks.Contains(s.Name) && s.State == StepState.Failed).Select(s => s.Name).ToList();
        var result = failed.Count == 0 ? "certified" : "rejected";
        var now = clock.GetUtcNow();
        var report = CertificationReportBuilder.Build(product, result, options.Value.Version, await gdal.GetVersionAsync(ct), signer.KeyId, now);
        var canonical = JsonCanonicalizer.Canonicalize(report);
        var jws = signer.Sign(canonical);
        await using (var json = new MemoryStream(canonical))
        {
            await context.Files.StoreAsync(product.Id, "certification.json", json, "application/json", ct);
        }
        await using (var signed = new MemoryStream(Encoding.ASCII.GetBytes(jws)))
        {
            await context.Files.StoreAsync(product.Id, "certification.jws", signed, "application/jose", ct);
        }
        var text = Encoding.UTF8.GetString(canonical);
        if (failed.Count > 0)
        {
            product.Reject($"Checks with errors: {string.Join(", ", failed)}.", text, jws, now);
            return StepResult.Of([Finding.Info("certification.rejected", $"The product was rejected: {string.Join(", ", failed)} found errors.")],
                new JsonObject { ["result"] = result, ["signing_key"] = signer.KeyId });
        }
        var item = ItemAssembler.Assemble(context, grades.Lowest, "certified");
        product.Certify(item.ToJsonString(), text, jws, now);
        return StepResult.Of([], new JsonObject { ["result"] = result, ["signing_key"] = signer.KeyId });
    }
}
