using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Raster;

/// <summary>The outcome of <see cref="CogConverter.ConvertAsync"/>.</summary>
/// <param name="Output">The new COG in the same workspace; null unless it was written and passed validation.</param>
/// <param name="Findings">Why there is no output, or the validator's warnings on it.</param>
/// <param name="Validation">The validator's verdict on the output; null when no output was written.</param>
public sealed record CogConversion(GdalWorkFile? Output, CogValidation? Validation, IReadOnlyList<Finding> Findings);
