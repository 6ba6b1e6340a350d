using System.Text.Json.Nodes;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Products;
using Marketplace.Ingestion.Raster;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>Thumbnail: a PNG preview of the first raster for the catalog, unless the provider supplied a thumbnail.</summary>
public sealed class ThumbnailStep(GdalSandbox sandbox, RasterInspector inspector, ThumbnailMaker maker) : IPipelineStep
{
    public const string Key = "thumbnail";

    public string Name => PipelineSteps.Thumbnail;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = context.Product;
        if (product.Assets.Any(a => a.UploadId is not null && a.Roles.Contains("thumbnail")))
        {
            return StepResult.Of([], new JsonObject { ["made"] = false, ["reason"] = "The provider supplied a thumbnail." });
        }
        var rasters = RasterAssets.Of(product);
        var source = rasters.Count > 0 ? rasters[0] : null;
        if (source is null)
        {
            return StepResult.Of([], new JsonObject { ["made"] = false, ["reason"] = "The product has no raster." });
        }
        using var workspace = sandbox.CreateWorkspace();
        var file = await RasterAssets.ImportAsync(context, workspace, source, ct);
        var inspection = await inspector.InspectAsync(file, ct);
        if (inspection.Info is not { } info)
        {
            return StepResult.Of(inspection.Findings.Select(f => f with { Severity = FindingSeverity.Warning }),
                new JsonObject { ["made"] = false, ["reason"] = "The raster could not be read." });
        }
        var thumbnail = await maker.MakeAsync(file, info, ct);
        if (thumbnail.File is not { } png)
        {
            return StepResult.Of(thumbnail.Findings, new JsonObject { ["made"] = false });
        }
        var (blobName, sha256, size) = await context.Files.StoreAsync(product.Id, "thumbnail.png", png.FullPath, "image/png", ct);
        if (product.Asset(Key) is { } existing)
        {
            existing.ReplaceDerived("image/png", blobName, sha256, size);
        }
        else
        {
            product.AddAsset(ProductAsset.Derived(product.Id, Key, ["thumbnail"], "image/png", "Thumbnail", source.Key, blobName, sha256, size));
        }
        return StepResult.Of(thumbnail.Findings, new JsonObject
        {
            ["made"] = true, ["from"] = source.Key, ["width"] = thumbnail.Size.Width, ["height"] = thumbnail.Size.Height, ["sha256"] = sha256,
        });
    }
}
