using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Raster;

/// <summary>
/// Rewrites a GeoTIFF as a Cloud Optimized GeoTIFF (<c>gdal_translate -of COG -co COMPRESS=DEFLATE</c>) into a new file
/// of the same workspace, in the <see cref="GdalSandbox"/> (threads and cache bounded by <see cref="GdalOptions"/>),
/// then validates the result. Run it only on a file <see cref="RasterInspector"/> read without errors: the
/// pixel-flood guard lives there.
/// </summary>
public sealed class CogConverter(GdalSandbox sandbox, CogConformance conformance)
{
    private static readonly string[] Arguments = ["-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "BIGTIFF=IF_SAFER"];

    public async Task<CogConversion> ConvertAsync(GdalWorkFile source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var output = source.Workspace.NewFile(".tif");
        var run = await sandbox.RunAsync(new GdalCommand(GdalTool.GdalTranslate, Arguments, source, output), ct);
        var failure = GdalRunFindings.ForAbnormalEnd(run, "COG conversion", source);
        if (failure is null && (!run.Succeeded || !File.Exists(output.FullPath)))
        {
            failure = Finding.Error(RasterFindingCodes.CogConversionFailed,
                $"gdal_translate could not write a COG (exit code {run.ExitCode}): {GdalRunFindings.Excerpt(run.Stderr)}");
        }
        if (failure is not null)
        {
            Delete(output);
            return new CogConversion(null, null, [failure]);
        }

        var validation = await conformance.ValidateAsync(output, ct);
        if (!validation.IsValid)
        {
            Delete(output);
            return new CogConversion(null, validation,
            [
                .. validation.Findings,
                Finding.Error(RasterFindingCodes.CogConversionFailed, "The converted file did not pass COG validation."),
            ]);
        }
        return new CogConversion(output, validation, validation.Findings);
    }

    /// <summary>Deletes a failed output and the side files GDAL may leave next to it (e.g. <c>.ovr.tmp</c>).</summary>
    private static void Delete(GdalWorkFile file)
    {
        foreach (var path in Directory.EnumerateFiles(file.Workspace.FolderPath, file.Name + "*"))
        {
            File.Delete(path);
        }
    }
}
