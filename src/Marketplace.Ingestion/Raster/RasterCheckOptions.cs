using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Raster;

/// <summary>Thresholds of the raster certification checks and of the pixel-flood guard in front of them.</summary>
public sealed class RasterCheckOptions
{
    public const string Section = "Ingestion:RasterChecks";

    /// <summary>Absolute cap on decompressed pixel bytes (width × height × bytes per pixel); above it nothing is read.</summary>
    [Range(1.0, 1e15)]
    public long MaxUncompressedBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>
    /// Largest believable ratio of decompressed pixel bytes to file size. DEFLATE/ZSTD on real imagery gives 2–20,
    /// on large nodata areas a few hundred; a header that claims far more is a decompression bomb.
    /// </summary>
    [Range(1.0, 1e9)]
    public double MaxCompressionRatio { get; set; } = 1000;

    /// <summary>Rasters that decompress to less than this are never refused for their ratio (a tiny constant tile compresses well).</summary>
    [Range(0.0, 1e15)]
    public long CompressionRatioFloorBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Up to this many decompressed bytes, statistics are exact (<c>-stats</c>); above, approximate (<c>-approx_stats</c>).</summary>
    [Range(0.0, 1e15)]
    public long ExactStatisticsMaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Lowest intersection-over-union of the declared geometry and the raster's WGS 84 footprint.</summary>
    [Range(0.0, 1.0)]
    public double MinFootprintIoU { get; set; } = 0.5;

    /// <summary>Largest relative difference between the declared gsd and the pixel size, e.g. 0.2 = 20 %.</summary>
    [Range(0.0, 10.0)]
    public double GsdTolerance { get; set; } = 0.2;

    /// <summary>A band with a larger share of nodata pixels (0–1) gets a warning.</summary>
    [Range(0.0, 1.0)]
    public double MaxNoDataShare { get; set; } = 0.8;

    /// <summary>Longest side of a thumbnail, in pixels.</summary>
    [Range(16, 4096)]
    public int ThumbnailMaxSize { get; set; } = 512;
}
