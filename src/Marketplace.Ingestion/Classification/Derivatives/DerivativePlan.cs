using Marketplace.Ingestion.Classification.Policies;
using NetTopologySuite.Geometries;

namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>
/// How to bring a product down to <paramref name="TargetGrade"/>: resample it to a coarser GSD and/or mask the
/// geofences it touches.
/// </summary>
/// <param name="TargetGrade">The grade the derivative is released at.</param>
/// <param name="ResampleToGsdMetres">The GSD to resample to; null when the source's GSD is kept.</param>
/// <param name="MaskedFences">The geofences whose area (buffered by a margin) becomes nodata.</param>
/// <param name="Footprint">
/// The derivative's WGS84 footprint: the source's, minus <paramref name="MaskedArea"/> when fences are masked (then
/// cut at ±180 into parts within [-180, 180]).
/// </param>
/// <param name="MaskedArea">
/// The union of the masked fences, each buffered by <see cref="DerivativeOptions.MaskMarginMetres"/>, in WGS84 degrees
/// within [-180, 180]: what <see cref="DerivativeMaker"/> burns as nodata. Null when nothing is masked.
/// </param>
public sealed record DerivativePlan(
    string TargetGrade,
    double? ResampleToGsdMetres,
    IReadOnlyList<GeofenceRule> MaskedFences,
    Geometry Footprint,
    Geometry? MaskedArea = null)
{
    /// <summary>The facts a policy sees in the derivative of <paramref name="source"/>: the planned GSD and footprint.</summary>
    public ProductDescription Describe(ProductDescription source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source with { GsdMetres = ResampleToGsdMetres ?? source.GsdMetres, Footprint = Footprint };
    }
}
