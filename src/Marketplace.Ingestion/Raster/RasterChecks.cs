using System.Globalization;
using Marketplace.Ingestion.Findings;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace Marketplace.Ingestion.Raster;

/// <summary>
/// Compares what GDAL read (<see cref="RasterInfo"/>) with what the provider declared (<see cref="RasterDeclaration"/>):
/// CRS, geotransform, footprint, gsd, band count, nodata, and degenerate band statistics. Pure: no I/O.
/// </summary>
/// <remarks>
/// The footprint IoU is computed on longitude/latitude degrees, which is accurate enough for a threshold on scene-sized
/// footprints away from the poles; footprints crossing the antimeridian are not split.
/// </remarks>
public sealed class RasterChecks(IOptions<RasterCheckOptions> options)
{
    public RasterCheckResult Check(RasterInfo info, RasterDeclaration declared)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(declared);
        var limits = options.Value;
        List<Finding> findings = [];

        if (info.Crs is null)
        {
            findings.Add(Finding.Error(RasterFindingCodes.CrsMissing, "The raster has no coordinate reference system."));
        }
        var transformUsable = CheckGeoTransform(info.GeoTransform, findings);

        var (footprint, derived, iou) = CheckFootprint(info, declared, limits, findings);

        var gsd = transformUsable ? GsdMetres(info) : null;
        CheckGsd(declared.Gsd, gsd, limits, findings);

        CheckBands(info, declared, limits, findings);
        return new RasterCheckResult(findings, footprint, derived, iou, gsd);
    }

    private static bool CheckGeoTransform(GeoTransform? transform, List<Finding> findings)
    {
        if (transform is null)
        {
            findings.Add(Finding.Error(RasterFindingCodes.GeoTransformMissing, "The raster has no geotransform: its pixels are not placed on the Earth."));
            return false;
        }
        double[] terms = [transform.OriginX, transform.PixelWidth, transform.RowRotation, transform.OriginY, transform.ColumnRotation, transform.PixelHeight];
        if (terms.Any(t => !double.IsFinite(t)) || transform.PixelSizeX == 0 || transform.PixelSizeY == 0
            || (transform.PixelWidth * transform.PixelHeight) - (transform.RowRotation * transform.ColumnRotation) == 0)
        {
            findings.Add(Finding.Error(RasterFindingCodes.GeoTransformInvalid, Invariant(
                $"The geotransform is degenerate (pixel size {transform.PixelWidth} × {transform.PixelHeight}, rotation {transform.RowRotation}, {transform.ColumnRotation}).")));
            return false;
        }
        if (!transform.IsNorthUp)
        {
            findings.Add(Finding.Warning(RasterFindingCodes.GeoTransformNotNorthUp, Invariant(
                $"The raster is not north-up (rotation terms {transform.RowRotation}, {transform.ColumnRotation}; pixel height {transform.PixelHeight}); many clients and tilers assume north-up.")));
        }
        return true;
    }

    private static (Geometry? Footprint, bool Derived, double? IoU) CheckFootprint(
        RasterInfo info, RasterDeclaration declared, RasterCheckOptions limits, List<Finding> findings)
    {
        var rasterFootprint = info.Wgs84Extent;
        if (declared.Geometry is null)
        {
            if (rasterFootprint is null)
            {
                return (null, false, null);
            }
            findings.Add(Finding.Info(RasterFindingCodes.FootprintDerived,
                $"No geometry was declared; the item's geometry is the raster's WGS 84 footprint {rasterFootprint.AsText()}."));
            return (rasterFootprint, true, null);
        }
        if (rasterFootprint is null)
        {
            return (declared.Geometry, false, null);
        }
        var declaredValid = GeometryFixer.Fix(declared.Geometry);
        var union = declaredValid.Union(rasterFootprint).Area;
        var iou = union > 0 ? declaredValid.Intersection(rasterFootprint).Area / union : 0;
        var within = union > 0 && declaredValid.Difference(rasterFootprint).Area <= 0.01 * declaredValid.Area;
        if (declared.MaskedOutsideGeometry && within)
        {
            findings.Add(Finding.Info(RasterFindingCodes.FootprintMasked, Invariant(
                $"The geometry covers the unmasked part of the raster (IoU {iou:F3} with the raster's footprint {rasterFootprint.AsText()}); the rest is nodata.")));
        }
        else if (iou < limits.MinFootprintIoU)
        {
            findings.Add(Finding.Error(RasterFindingCodes.FootprintMismatch, Invariant(
                $"The declared geometry and the raster's footprint overlap with an IoU of {iou:F3}, below {limits.MinFootprintIoU:F2}; the raster covers {rasterFootprint.AsText()}.")));
        }
        return (declared.Geometry, false, iou);
    }

    /// <summary>Mean pixel side in metres; for geographic CRSs, degrees converted at the footprint's centre latitude on the WGS 84 ellipsoid.</summary>
    private static double? GsdMetres(RasterInfo info)
    {
        var transform = info.GeoTransform!;
        switch (info.Crs)
        {
            case { Kind: RasterCrsKind.Projected, LinearUnitMetres: { } unit }:
                return (transform.PixelSizeX + transform.PixelSizeY) / 2 * unit;
            case { Kind: RasterCrsKind.Geographic }:
                var latitude = info.Wgs84Extent?.Centroid.Y
                    ?? transform.OriginY + (transform.ColumnRotation * info.Width / 2) + (transform.PixelHeight * info.Height / 2);
                var phi = Math.Clamp(latitude, -90, 90) * Math.PI / 180;
                // Lengths of one degree (ellipsoid series expansions, WGS 84).
                var metresPerDegreeLatitude = 111132.92 - (559.82 * Math.Cos(2 * phi)) + (1.175 * Math.Cos(4 * phi)) - (0.0023 * Math.Cos(6 * phi));
                var metresPerDegreeLongitude = (111412.84 * Math.Cos(phi)) - (93.5 * Math.Cos(3 * phi)) + (0.118 * Math.Cos(5 * phi));
                return ((transform.PixelSizeX * metresPerDegreeLongitude) + (transform.PixelSizeY * metresPerDegreeLatitude)) / 2;
            default:
                return null;
        }
    }

    private static void CheckGsd(double? declared, double? computed, RasterCheckOptions limits, List<Finding> findings)
    {
        if (declared is not { } gsd)
        {
            return;
        }
        if (computed is not { } metres || metres <= 0)
        {
            findings.Add(Finding.Info(RasterFindingCodes.GsdUnknown, Invariant(
                $"The declared gsd of {gsd} m cannot be checked: the pixel size in metres is unknown for this CRS.")));
            return;
        }
        if (!double.IsFinite(gsd) || Math.Abs(gsd - metres) / metres > limits.GsdTolerance)
        {
            findings.Add(Finding.Error(RasterFindingCodes.GsdMismatch, Invariant(
                $"The declared gsd is {gsd} m but the pixels are {metres:G4} m (tolerance {limits.GsdTolerance:P0}).")));
        }
    }

    private static void CheckBands(RasterInfo info, RasterDeclaration declared, RasterCheckOptions limits, List<Finding> findings)
    {
        var colourBands = info.Bands.Count(b => !IsAlpha(b));
        if (declared.EoBandCount is { } eoBands && eoBands != info.Bands.Count && eoBands != colourBands)
        {
            findings.Add(Finding.Error(RasterFindingCodes.BandCountMismatch, Invariant(
                $"The item declares {eoBands} eo:bands but the raster has {info.Bands.Count} bands.")));
        }
        if (info.Statistics == RasterStatisticsMode.None)
        {
            findings.Add(Finding.Info(RasterFindingCodes.StatisticsMissing, "No band statistics were computed; nodata and degenerate-band checks were skipped."));
        }
        foreach (var band in info.Bands)
        {
            var location = Invariant($"band {band.Index}");
            if (declared.NoData is { } noData && !SameNoData(noData, band.NoData))
            {
                findings.Add(Finding.Warning(RasterFindingCodes.NoDataMismatch, Invariant(
                    $"The item declares nodata {noData} but the band's nodata is {(band.NoData is { } n ? n.ToString(CultureInfo.InvariantCulture) : "not set")}."), location));
            }
            if (info.Statistics == RasterStatisticsMode.None)
            {
                continue;
            }
            if (band.ValidPercent is 0)
            {
                findings.Add(Finding.Error(RasterFindingCodes.BandAllNoData, "Every pixel of the band is nodata or masked.", location));
                continue;
            }
            if (band.ValidPercent is { } valid && 1 - (valid / 100) > limits.MaxNoDataShare)
            {
                findings.Add(Finding.Warning(RasterFindingCodes.NoDataShareHigh, Invariant(
                    $"{100 - valid:F1} % of the band's pixels are nodata, above {limits.MaxNoDataShare:P0}."), location));
            }
            if (band.Statistics is null)
            {
                findings.Add(Finding.Info(RasterFindingCodes.StatisticsMissing, "GDAL computed no statistics for the band.", location));
            }
            else if (band.Statistics.Minimum == band.Statistics.Maximum && !IsAlpha(band))
            {
                findings.Add(Finding.Warning(RasterFindingCodes.BandConstant, Invariant(
                    $"Every valid pixel of the band has the value {band.Statistics.Minimum}."), location));
            }
        }
    }

    private static bool IsAlpha(RasterBandInfo band) => string.Equals(band.ColorInterpretation, "Alpha", StringComparison.OrdinalIgnoreCase);

    private static bool SameNoData(double declared, double? actual) =>
        actual is { } value && (value.Equals(declared) || (double.IsNaN(value) && double.IsNaN(declared)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
