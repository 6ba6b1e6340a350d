using System.Globalization;
using System.Text.Json;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Raster;
using Marketplace.Platform.Gdal;
using Microsoft.Extensions.Options;
using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>
/// Makes the raster of a <see cref="DerivativePlan"/> from a source GeoTIFF, in the <see cref="GdalSandbox"/> that
/// certification uses, into the source's workspace:
/// <list type="number">
/// <item>resampling (<c>gdalwarp -r average -tr</c>) to pixels of at least the planned GSD: metres divided by the
/// CRS's unit for a projected CRS; for a geographic CRS, degrees that span the GSD at the latitude of the raster
/// farthest from the equator, so no pixel anywhere is finer than planned;</item>
/// <item>masking (<c>gdal_rasterize -at</c>): every pixel that touches the plan's masked area (the buffered fences,
/// written as a GeoJSON file in WGS84, which gdal_rasterize reprojects to the raster's CRS) gets the nodata value.
/// A raster without nodata is given <see cref="DerivativeOptions.NoDataWhenMissing"/>, and the actions say so;</item>
/// <item>writing a COG (<see cref="CogConverter"/>), then reading it back to report its GSD.</item>
/// </list>
/// Intermediate files are deleted; the source is never changed.
/// </summary>
public sealed class DerivativeMaker(GdalSandbox sandbox, RasterInspector inspector, CogConverter converter, IOptions<DerivativeOptions> options)
{
    /// <summary>Segments longer than this (degrees) are split before reprojection, so a reprojected edge stays within centimetres of the WGS84 one.</summary>
    private const double DensifyDegrees = 0.01;

    /// <summary>A resampled raster may be this much finer than planned (floating-point rounding of the geotransform), no more.</summary>
    private const double GsdTolerance = 1e-9;

    private static readonly string[] TiffOutput = ["-q", "-of", "GTiff", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", "-co", "BIGTIFF=IF_SAFER"];

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public async Task<DerivativeRaster> MakeAsync(GdalWorkFile source, DerivativePlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        var inspection = await inspector.InspectAsync(source, ct);
        if (inspection.HasErrors || inspection.Info is not { } info)
        {
            return Failed(inspection.Findings);
        }
        if (Unsupported(info) is { } unsupported)
        {
            return Failed([unsupported]);
        }

        List<string> actions = [];
        List<GdalWorkFile> intermediates = [];
        try
        {
            var sourceNoData = info.Bands.Select(b => b.NoData).FirstOrDefault(n => n is not null);
            var addNoData = sourceNoData is null;
            var noData = sourceNoData ?? options.Value.NoDataWhenMissing;
            if (addNoData)
            {
                actions.Add(Text($"The source has no nodata value; the derivative's is {Number(noData)}."));
            }
            var current = source;

            if (plan.ResampleToGsdMetres is { } gsd)
            {
                var (x, y) = PixelSize(info, gsd);
                List<string> arguments = ["-r", "average", "-tr", Number(x), Number(y)];
                if (addNoData)
                {
                    arguments.AddRange(["-dstnodata", Number(noData)]);
                }
                var (warped, failure) = await WriteTiffAsync(GdalTool.GdalWarp, arguments, source, intermediates,
                    "Resampling with gdalwarp", DerivativeFindingCodes.ResampleFailed, ct);
                if (warped is null)
                {
                    return Failed([failure!]);
                }
                current = warped;
                actions.Add(Text($"Resampled (gdalwarp, average) from {PixelGsd(info):0.###} m to {gsd:0.###} m pixels."));
            }

            if (plan.MaskedArea is { } masked)
            {
                if (current == source)
                {
                    var (copy, failure) = await WriteTiffAsync(GdalTool.GdalTranslate, addNoData ? ["-a_nodata", Number(noData)] : [], source,
                        intermediates, "Copying the raster for masking", DerivativeFindingCodes.MaskFailed, ct);
                    if (copy is null)
                    {
                        return Failed([failure!]);
                    }
                    current = copy;
                }
                if (await MaskAsync(current, info, masked, noData, ct) is { } maskFailure)
                {
                    return Failed([maskFailure]);
                }
                actions.Add(Text($"Masked {plan.MaskedFences.Count} protected area(s) (with a margin) as nodata ({Number(noData)})."));
            }

            var conversion = await converter.ConvertAsync(current, ct);
            if (conversion.Output is not { } output)
            {
                return Failed(conversion.Findings);
            }
            actions.Add("Wrote a Cloud Optimized GeoTIFF.");

            var result = await inspector.InspectAsync(output, ct);
            if (result.HasErrors || result.Info is not { } written)
            {
                File.Delete(output.FullPath);
                return Failed(result.Findings);
            }
            var achieved = PixelGsd(written);
            if (plan.ResampleToGsdMetres is { } planned && achieved < planned * (1 - GsdTolerance))
            {
                File.Delete(output.FullPath);
                return Failed([Finding.Error(DerivativeFindingCodes.GsdNotReached,
                    Text($"The resampled raster has {achieved:0.######} m pixels, finer than the planned {planned:0.######} m."))]);
            }
            return new DerivativeRaster(output, achieved, noData, actions, conversion.Findings);
        }
        finally
        {
            foreach (var file in intermediates)
            {
                File.Delete(file.FullPath);
            }
        }
    }

    /// <summary>Runs <paramref name="tool"/> from <paramref name="source"/> into a new tiled GTiff, which joins <paramref name="intermediates"/>.</summary>
    private async Task<(GdalWorkFile? Output, Finding? Failure)> WriteTiffAsync(GdalTool tool, IReadOnlyList<string> arguments, GdalWorkFile source,
        List<GdalWorkFile> intermediates, string activity, string code, CancellationToken ct)
    {
        var output = source.Workspace.NewFile(".tif");
        intermediates.Add(output);
        var run = await sandbox.RunAsync(new GdalCommand(tool, [.. TiffOutput, .. arguments], source, output), ct);
        return Failure(run, activity, source, code) is { } failure ? (null, failure) : (output, null);
    }

    private async Task<Finding?> MaskAsync(GdalWorkFile target, RasterInfo info, Geometry masked, double noData, CancellationToken ct)
    {
        var name = Guid.NewGuid().ToString("N") + ".geojson";
        var path = Path.Combine(target.Workspace.FolderPath, name);
        try
        {
            await File.WriteAllTextAsync(path, FeatureCollection(MaskFor(info, masked)), ct);
            List<string> arguments = ["-q", "-at"];
            foreach (var band in info.Bands)
            {
                arguments.AddRange(["-b", Number(band.Index), "-burn", Number(noData)]);
            }
            arguments.Add(name);
            var run = await sandbox.RunAsync(new GdalCommand(GdalTool.GdalRasterize, arguments, target), ct);
            return Failure(run, "Masking geofences with gdal_rasterize", target, DerivativeFindingCodes.MaskFailed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The masked area as the raster needs it: for a geographic raster also shifted by ±360° (a raster may use
    /// longitudes 0..360); for a projected one with its edges split, so that reprojecting the vertices keeps the edges
    /// where they were on the ground.
    /// </summary>
    private static Geometry MaskFor(RasterInfo info, Geometry masked)
    {
        if (info.Crs?.Kind == RasterCrsKind.Geographic)
        {
            var polygons = new[] { -360.0, 0, 360 }.SelectMany(dx => Polygons(Shift(masked, dx))).ToArray();
            return masked.Factory.CreateMultiPolygon(polygons);
        }
        return Densifier.Densify(masked, DensifyDegrees);
    }

    private static IEnumerable<Polygon> Polygons(Geometry geometry) =>
        Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>();

    private static Geometry Shift(Geometry geometry, double dx) =>
        dx == 0 ? geometry : AffineTransformation.TranslationInstance(dx, 0).Transform(geometry);

    private static string FeatureCollection(Geometry geometry) => JsonSerializer.Serialize(
        new { type = "FeatureCollection", features = new[] { new { type = "Feature", properties = new { }, geometry } } }, GeoJson);

    /// <summary>Why the raster's CRS or geotransform does not allow sizing pixels in metres; null when it does.</summary>
    private static Finding? Unsupported(RasterInfo info) => info switch
    {
        { Crs: null } or { GeoTransform: null } => Finding.Error(DerivativeFindingCodes.CrsUnsupported,
            "The raster has no CRS or geotransform, so its pixels cannot be sized or masked on the ground."),
        { GeoTransform.IsRotated: true } => Finding.Error(DerivativeFindingCodes.CrsUnsupported,
            "The raster's geotransform is rotated; only north-up rasters are resampled and masked."),
        { Crs.Kind: RasterCrsKind.Projected, Crs.LinearUnitMetres: null } => Finding.Error(DerivativeFindingCodes.CrsUnsupported,
            "The unit of the raster's projected CRS is unknown, so metres cannot be converted to it."),
        { Crs.Kind: RasterCrsKind.Projected or RasterCrsKind.Geographic } => null,
        _ => Finding.Error(DerivativeFindingCodes.CrsUnsupported,
            "The raster's CRS is neither geographic nor projected, so its pixels cannot be sized in metres."),
    };

    /// <summary>The pixel size, in CRS units, whose shorter side spans at least <paramref name="gsd"/> metres everywhere in the raster.</summary>
    private static (double X, double Y) PixelSize(RasterInfo info, double gsd) => info.Crs!.Kind == RasterCrsKind.Projected
        ? (gsd / info.Crs.LinearUnitMetres!.Value, gsd / info.Crs.LinearUnitMetres.Value)
        : (GroundDistance.LongitudeDegrees(gsd, MaxAbsLatitude(info)), GroundDistance.LatitudeDegrees(gsd));

    /// <summary>The shortest side of a pixel on the ground, in metres, anywhere in the raster.</summary>
    private static double PixelGsd(RasterInfo info)
    {
        var transform = info.GeoTransform!;
        return info.Crs!.Kind == RasterCrsKind.Projected
            ? Math.Min(transform.PixelSizeX, transform.PixelSizeY) * info.Crs.LinearUnitMetres!.Value
            : Math.Min(GroundDistance.LongitudeMetres(transform.PixelSizeX, MaxAbsLatitude(info)), GroundDistance.LatitudeMetres(transform.PixelSizeY));
    }

    private static double MaxAbsLatitude(RasterInfo info)
    {
        var t = info.GeoTransform!;
        var bottom = t.OriginY + (info.Height * t.PixelHeight);
        return Math.Min(90, Math.Max(Math.Abs(t.OriginY), Math.Abs(bottom)));
    }

    private static Finding? Failure(GdalRunResult run, string activity, GdalWorkFile file, string code)
    {
        if (GdalRunFindings.ForAbnormalEnd(run, activity, file) is { } abnormal)
        {
            return abnormal;
        }
        return run.Succeeded
            ? null
            : Finding.Error(code, Text($"{activity} failed (exit code {run.ExitCode}): {GdalRunFindings.Excerpt(run.Stderr)}"));
    }

    private static DerivativeRaster Failed(IReadOnlyList<Finding> findings) => new(null, null, null, [], findings);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
