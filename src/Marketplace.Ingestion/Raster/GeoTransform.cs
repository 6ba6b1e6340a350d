namespace Marketplace.Ingestion.Raster;

/// <summary>
/// GDAL's affine geotransform: X = OriginX + col·PixelWidth + row·RowRotation,
/// Y = OriginY + col·ColumnRotation + row·PixelHeight (GDAL data model, "Affine GeoTransform").
/// </summary>
public sealed record GeoTransform(double OriginX, double PixelWidth, double RowRotation, double OriginY, double ColumnRotation, double PixelHeight)
{
    /// <summary>Length of one pixel's side along the columns, in CRS units.</summary>
    public double PixelSizeX => Math.Sqrt((PixelWidth * PixelWidth) + (ColumnRotation * ColumnRotation));

    /// <summary>Length of one pixel's side along the rows, in CRS units.</summary>
    public double PixelSizeY => Math.Sqrt((RowRotation * RowRotation) + (PixelHeight * PixelHeight));

    public bool IsRotated => RowRotation != 0 || ColumnRotation != 0;

    /// <summary>North up: no rotation and rows going down (negative pixel height).</summary>
    public bool IsNorthUp => !IsRotated && PixelHeight < 0;
}
