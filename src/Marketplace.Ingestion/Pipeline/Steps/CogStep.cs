using System.Text.Json.Nodes;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Products;
using Marketplace.Ingestion.Raster;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>
/// Cloud-optimized GeoTIFF: every raster data asset checked with GDAL's COG validator (tiling, overviews, IFD
/// order). A GeoTIFF that is not a COG gets one made with <c>gdal_translate -of COG</c>, validated and added as a
/// derived asset; the original is kept. Not being a COG is then a warning, not an error.
/// </summary>
public sealed class CogStep(GdalSandbox sandbox, CogConformance conformance, CogConverter converter) : IPipelineStep
{
    public const string CogMediaType = "image/tiff; application=geotiff; profile=cloud-optimized";

    public string Name => PipelineSteps.Cog;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<Finding>();
        var assets = new JsonObject();
        foreach (var asset in RasterAssets.Of(context.Product))
        {
            using var workspace = sandbox.CreateWorkspace();
            var file = await RasterAssets.ImportAsync(context, workspace, asset, ct);
            var validation = await conformance.ValidateAsync(file, ct);
            if (validation.IsValid)
            {
                findings.AddRange(validation.Findings.Select(f => f.InAsset(asset.Key)));
                assets[asset.Key] = new JsonObject { ["cloud_optimized"] = true };
                continue;
            }
            var conversion = await converter.ConvertAsync(file, ct);
            if (conversion is not { Output: { } cog, Validation.IsValid: true })
            {
                findings.AddRange(validation.Findings.Select(f => f.InAsset(asset.Key)));
                findings.AddRange(conversion.Findings.Select(f => f.InAsset(asset.Key)));
                findings.Add(Finding.Error("cog.conversion-failed", "The GeoTIFF is not cloud-optimized and no valid COG could be made from it.", $"assets.{asset.Key}"));
                assets[asset.Key] = new JsonObject { ["cloud_optimized"] = false, ["converted"] = false };
                continue;
            }
            findings.AddRange(validation.Findings.Select(f => f.Severity == FindingSeverity.Error ? f with { Severity = FindingSeverity.Warning } : f).Select(f => f.InAsset(asset.Key)));
            var key = $"{asset.Key}-cog";
            var (blobName, sha256, size) = await context.Files.StoreAsync(context.Product.Id, $"{key}.tif", cog.FullPath, CogMediaType, ct);
            var existing = context.Product.Asset(key);
            if (existing is null)
            {
                context.Product.AddAsset(ProductAsset.Derived(context.Product.Id, key, ["data"], CogMediaType,
                    $"Cloud-optimized GeoTIFF made from '{asset.Key}'", asset.Key, blobName, sha256, size));
            }
            else
            {
                existing.ReplaceDerived(CogMediaType, blobName, sha256, size);
            }
            findings.Add(Finding.Info("cog.converted", $"A cloud-optimized copy was made as asset '{key}'; the original is kept.", $"assets.{asset.Key}"));
            assets[asset.Key] = new JsonObject { ["cloud_optimized"] = false, ["converted_to"] = key, ["sha256"] = sha256, ["size"] = size };
        }
        return StepResult.Of(findings, new JsonObject { ["validator"] = "osgeo_utils.samples.validate_cloud_optimized_geotiff", ["assets"] = assets });
    }

}
