namespace Marketplace.Ingestion.Raster;

/// <summary>One band as gdalinfo reports it.</summary>
/// <param name="Index">1-based band number.</param>
/// <param name="DataType">GDAL data type name, e.g. <c>Byte</c>, <c>UInt16</c>, <c>Float32</c>.</param>
/// <param name="NoData">The nodata value; NaN and infinities are kept as such.</param>
/// <param name="Statistics">Null when no statistics were computed or no valid pixel was found.</param>
/// <param name="Block">Natural block (tile or strip) size.</param>
/// <param name="Overviews">Sizes of the internal overviews, largest first.</param>
/// <param name="ColorInterpretation">GDAL colour interpretation, e.g. <c>Red</c>, <c>Gray</c>, <c>Alpha</c>.</param>
/// <param name="ValidPercent">Share of valid pixels (STATISTICS_VALID_PERCENT, 0–100), when statistics were computed.</param>
public sealed record RasterBandInfo(
    int Index,
    string DataType,
    double? NoData,
    BandStatistics? Statistics,
    double? ValidPercent,
    RasterSize Block,
    IReadOnlyList<RasterSize> Overviews,
    string? ColorInterpretation)
{
    /// <summary>Bytes per pixel of this band's data type (1 for unknown names, so sizes are never underestimated to 0).</summary>
    public int BytesPerSample => DataType switch
    {
        "Byte" or "Int8" => 1,
        "UInt16" or "Int16" => 2,
        "UInt32" or "Int32" or "Float32" or "CInt16" => 4,
        "UInt64" or "Int64" or "Float64" or "CInt32" or "CFloat32" => 8,
        "CFloat64" => 16,
        _ => 1,
    };
}
