using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Raster;

/// <summary>The outcome of <see cref="RasterInspector.InspectAsync"/>.</summary>
/// <param name="Info">What gdalinfo reported: with statistics when they could be computed, from the header only when the
/// pixel-flood guard or a failure stopped before them, null when the file could not be opened at all.</param>
/// <param name="Findings">Problems found while reading; empty for a clean read.</param>
public sealed record RasterInspection(RasterInfo? Info, IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}
