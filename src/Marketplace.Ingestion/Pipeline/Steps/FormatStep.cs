using System.Text.Json.Nodes;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Formats;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>
/// Format: what every uploaded asset is, from its first and last bytes (never its name), checked against the
/// allow-list and against the media type and roles the provider declared.
/// </summary>
public sealed class FormatStep(FormatDetector detector, IOptions<FormatDetectionOptions> options) : IPipelineStep
{
    public string Name => PipelineSteps.Format;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<Finding>();
        var assets = new JsonObject();
        foreach (var asset in context.Product.Assets.Where(a => a.UploadId is not null))
        {
            var head = await context.Files.ReadHeadAsync(asset, options.Value.HeadBytes, ct);
            var tail = (asset.Size ?? 0) > head.Length ? await context.Files.ReadTailAsync(asset, options.Value.TailBytes, ct) : [];
            var detection = detector.Detect(new FormatSample(head, asset.MediaType, asset.Roles) { Tail = tail, TotalLength = asset.Size });
            asset.RecordFormat(detection.Format.ToString());
            findings.AddRange(detection.Findings.Select(f => f.InAsset(asset.Key)));
            assets[asset.Key] = new JsonObject
            {
                ["declared_type"] = asset.MediaType,
                ["detected"] = detection.Format.ToString(),
                ["allowed"] = detection.Allowed is not null,
            };
        }
        return StepResult.Of(findings, new JsonObject
        {
            ["allow_list"] = new JsonArray([.. FormatAllowList.Formats.Select(f => f.Name).Distinct().Select(n => JsonValue.Create(n))]),
            ["assets"] = assets,
        });
    }
}
