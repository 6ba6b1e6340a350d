using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Raster;

/// <summary>The outcome of <see cref="CogConformance.ValidateAsync"/>: valid when GDAL's COG validator found no error.</summary>
public sealed record CogValidation(bool IsValid, IReadOnlyList<Finding> Findings);
