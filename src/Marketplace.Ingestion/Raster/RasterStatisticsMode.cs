namespace Marketplace.Ingestion.Raster;

/// <summary>How the band statistics in a <see cref="RasterInfo"/> were computed.</summary>
public enum RasterStatisticsMode
{
    /// <summary>Not computed (only the header was read).</summary>
    None,

    /// <summary><c>gdalinfo -stats</c>: every pixel.</summary>
    Exact,

    /// <summary><c>gdalinfo -approx_stats</c>: overviews or a sample of blocks, for large rasters.</summary>
    Approximate,
}
