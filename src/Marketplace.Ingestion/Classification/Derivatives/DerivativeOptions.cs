using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>How releasable derivatives are planned (<see cref="DerivativePlanner"/>) and made (<see cref="DerivativeMaker"/>).</summary>
public sealed class DerivativeOptions
{
    public const string Section = "Ingestion:Derivatives";

    /// <summary>
    /// Distance kept between a masked geofence and the data left in the derivative: the masked area is the fence
    /// buffered by this many metres (at least, at every latitude of the fence).
    /// </summary>
    [Range(0.01, 100_000.0)]
    public double MaskMarginMetres { get; set; } = 10;

    /// <summary>
    /// Smallest share of the footprint masking may leave; below it the fences cover nearly all of the product and
    /// resampling to their releasable GSD is planned instead (when <see cref="MaxCoarsening"/> allows it).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinKeptShare { get; set; } = 0.05;

    /// <summary>The coarsest derivative worth releasing, as a multiple of the source's GSD.</summary>
    [Range(1.0, 1e6)]
    public double MaxCoarsening { get; set; } = 20;

    /// <summary>The nodata value given to a raster that has none, so that masked pixels can be told from data.</summary>
    public double NoDataWhenMissing { get; set; }
}
