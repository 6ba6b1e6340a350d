using Marketplace.Ingestion.Findings;
using NetTopologySuite.Geometries;

namespace Marketplace.Ingestion.Raster;

/// <summary>The outcome of <see cref="RasterChecks.Check"/>.</summary>
/// <param name="Footprint">The declared geometry, or, when none was declared, the raster's WGS 84 footprint
/// (<paramref name="FootprintDerived"/> is then true); null when neither exists.</param>
/// <param name="Findings">Problems found; empty when the raster matches the declaration.</param>
/// <param name="FootprintDerived">True when <paramref name="Footprint"/> came from the raster, not the declaration.</param>
/// <param name="FootprintIoU">Intersection over union of the declared geometry and the raster's footprint, when both exist.</param>
/// <param name="GsdMetres">The pixel size in metres, when the CRS allows computing it.</param>
public sealed record RasterCheckResult(
    IReadOnlyList<Finding> Findings,
    Geometry? Footprint,
    bool FootprintDerived,
    double? FootprintIoU,
    double? GsdMetres);
