namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>The stable codes of the findings <see cref="DerivativeMaker"/> returns (besides the raster checks' own).</summary>
public static class DerivativeFindingCodes
{
    public const string CrsUnsupported = "derivative.crs-unsupported";
    public const string ResampleFailed = "derivative.resample-failed";
    public const string MaskFailed = "derivative.mask-failed";
    public const string GsdNotReached = "derivative.gsd-not-reached";
}
