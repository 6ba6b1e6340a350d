namespace Marketplace.Platform.Gdal;

/// <summary>The GDAL programs the sandbox runs; nothing else can be started through it.</summary>
public enum GdalTool
{
    /// <summary><c>gdalinfo</c>, reading its input with the GTiff driver only.</summary>
    GdalInfo,

    /// <summary><c>gdal_translate</c>, reading its input with the GTiff driver only and writing one new work file.</summary>
    GdalTranslate,

    /// <summary><c>gdalwarp</c>, reading its input with the GTiff driver only and writing one new work file.</summary>
    GdalWarp,

    /// <summary>
    /// <c>gdal_rasterize</c>, burning the polygons of a GeoJSON file our own code wrote into the work folder into the
    /// input, which it updates in place. The last option names that file: a generated <c>&lt;32 hex digits&gt;.geojson</c>.
    /// </summary>
    GdalRasterize,

    /// <summary>GDAL's COG validator, <c>python3 -m osgeo_utils.samples.validate_cloud_optimized_geotiff</c>.</summary>
    CogValidator,
}
