namespace Marketplace.Ingestion.Raster;

/// <summary>A raster's coordinate reference system as GDAL reports it.</summary>
/// <param name="Wkt">WKT2 text (gdalinfo <c>coordinateSystem.wkt</c>).</param>
/// <param name="Epsg">The EPSG code when the CRS is one (STAC projection extension <c>proj:epsg</c>).</param>
/// <param name="Kind">Geographic, projected or other (compound, engineering…).</param>
/// <param name="LinearUnitMetres">For projected CRSs, metres per axis unit (1 for metre, 0.3048 for foot); null if unknown.</param>
public sealed record RasterCrs(string Wkt, int? Epsg, RasterCrsKind Kind, double? LinearUnitMetres);
