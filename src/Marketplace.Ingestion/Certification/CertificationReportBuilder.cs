using System.Text.Json.Nodes;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Products;

namespace Marketplace.Ingestion.Certification;

/// <summary>
/// The certification report of a product: which product and version, every asset with its checksum, every check
/// with what it was given, the thresholds it applied, what it measured and what it found, the tool versions, the
/// pipeline version, and the result. Canonical JSON (RFC 8785) of this document is what the platform signs.
/// </summary>
public static class CertificationReportBuilder
{
    public const string ReportType = "https://satellite-marketplace.example/certification-report/v1";

    public static JsonObject Build(Product product, string result, string pipelineVersion, string gdalVersion, string keyId, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(product);
        var assets = new JsonArray();
        foreach (var asset in product.Assets.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            assets.Add(new JsonObject
            {
                ["key"] = asset.Key,
                ["roles"] = new JsonArray([.. asset.Roles.Select(r => JsonValue.Create(r))]),
                ["media_type"] = asset.MediaType,
                ["detected_format"] = asset.DetectedFormat,
                ["derived_from"] = asset.DerivedFrom,
                ["size"] = asset.Size,
                ["sha256"] = asset.Sha256,
                ["file:checksum"] = asset.Sha256 is { } sha ? Pipeline.Steps.IntegrityStep.Multihash(sha) : null,
                ["declared_sha256"] = asset.DeclaredSha256,
            });
        }
        var checks = new JsonArray();
        foreach (var step in product.Steps.Where(s => PipelineSteps.Checks.Contains(s.Name)).OrderBy(s => s.Position))
        {
            checks.Add(new JsonObject
            {
                ["check"] = step.Name,
                ["result"] = step.State switch
                {
                    StepState.Succeeded => "passed",
                    StepState.Failed => "failed",
                    StepState.Skipped => "not-run",
                    _ => "incomplete",
                },
                ["started_at"] = step.StartedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["finished_at"] = step.FinishedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["details"] = JsonNode.Parse(step.Output),
                ["findings"] = JsonNode.Parse(step.Findings),
            });
        }
        return new JsonObject
        {
            ["type"] = ReportType,
            ["result"] = result,
            ["product"] = new JsonObject
            {
                ["id"] = product.Id.ToString(),
                ["version"] = product.Version,
                ["previous_version"] = product.PreviousVersionId?.ToString(),
                ["collection"] = product.CollectionId,
                ["item"] = product.ItemId,
                ["organization_id"] = product.OrganizationId.ToString(),
                ["submitted_at"] = product.SubmittedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
            ["assets"] = assets,
            ["checks"] = checks,
            ["tools"] = new JsonObject { ["gdal"] = gdalVersion, ["pipeline"] = pipelineVersion },
            ["issued_at"] = issuedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["signing_key"] = keyId,
        };
    }
}
