
using Marketplace.Ingestion.Formats;
using Marketplace.Ingestion.Products;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>The raster assets a product's raster steps look at, and how they reach GDAL: copied into a private workspace under a generated name.</summary>
internal static class RasterAssets
{
    /// <summary>Uploaded assets with the data role whose content is a (Big)TIFF.</summary>
    public static IReadOnlyList<ProductAsset> Of(Product product) =>
        [.. product.Assets.Where(a => a.UploadId is not null && a.Roles.Contains("data")
            && a.DetectedFormat is nameof(DetectedFormat.Tiff) or nameof(DetectedFormat.BigTiff))];

    public static async Task<GdalWorkFile> ImportAsync(StepContext context, GdalWorkspace workspace, ProductAsset asset, CancellationToken ct)
    {
        await using var content = await context.Files.OpenReadAsync(asset, ct);
        return await workspace.ImportAsync(content, ct);
    }
}
