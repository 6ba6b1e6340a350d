using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>The outcome of <see cref="DerivativeMaker.MakeAsync"/>.</summary>
/// <param name="Output">The derivative, a validated COG in the source's workspace; null when it could not be made.</param>
/// <param name="GsdMetres">The output's pixel size on the ground in metres (the shortest side, anywhere in the raster).</param>
/// <param name="NoData">The nodata value of the output: the source's, or the one given to it.</param>
/// <param name="Actions">What was done, one sentence each, for the certification report and the item.</param>
/// <param name="Findings">Why there is no output, or the validator's warnings on it.</param>
public sealed record DerivativeRaster(
    GdalWorkFile? Output,
    double? GsdMetres,
    double? NoData,
    IReadOnlyList<string> Actions,
    IReadOnlyList<Finding> Findings);
