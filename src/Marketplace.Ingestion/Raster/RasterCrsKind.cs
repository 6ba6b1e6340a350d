namespace Marketplace.Ingestion.Raster;

/// <summary>The kind of coordinate reference system, from PROJJSON's <c>type</c>.</summary>
public enum RasterCrsKind
{
    Other,
    Geographic,
    Projected,
}
