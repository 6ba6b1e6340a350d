using NetTopologySuite.Geometries;

namespace Marketplace.Ingestion.Raster;

/// <summary>What gdalinfo reports about a raster, typed.</summary>
/// <param name="Width">Pixels per row.</param>
/// <param name="Height">Rows.</param>
/// <param name="Bands">The bands, in file order.</param>
/// <param name="Crs">Null when the file has no CRS.</param>
/// <param name="GeoTransform">Null when the file has no geotransform (GDAL's default identity transform).</param>
/// <param name="Wgs84Extent">The raster's corners in WGS 84 longitude/latitude (gdalinfo <c>wgs84Extent</c>); null without a CRS.</param>
/// <param name="ImageStructure">The IMAGE_STRUCTURE metadata domain (COMPRESSION, INTERLEAVE, LAYOUT…).</param>
/// <param name="FileBytes">Size of the file on disk.</param>
/// <param name="Statistics">Whether the band statistics are exact, approximate or absent.</param>
public sealed record RasterInfo(
    int Width,
    int Height,
    IReadOnlyList<RasterBandInfo> Bands,
    RasterCrs? Crs,
    GeoTransform? GeoTransform,
    Polygon? Wgs84Extent,
    IReadOnlyDictionary<string, string> ImageStructure,
    long FileBytes,
    RasterStatisticsMode Statistics)
{
    /// <summary>Bytes the pixels take once decompressed: width × height × Σ bytes per sample.</summary>
    public decimal UncompressedBytes => (decimal)Width * Height * Bands.Sum(b => b.BytesPerSample);
}
