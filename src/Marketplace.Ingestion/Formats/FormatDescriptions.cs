namespace Marketplace.Ingestion.Formats;

/// <summary>How findings name a format.</summary>
internal static class FormatDescriptions
{
    public static string Describe(DetectedFormat format) => FormatAllowList.Find(format)?.Name ?? format switch
    {
        DetectedFormat.Empty => "an empty file",
        DetectedFormat.Zip => "a ZIP archive",
        DetectedFormat.Gzip => "a gzip stream",
        DetectedFormat.Pdf => "a PDF document",
        DetectedFormat.Hdf5 => "HDF5",
        DetectedFormat.NetCdf => "netCDF",
        DetectedFormat.Vrt => "a GDAL virtual raster (VRT), which only points at other files",
        DetectedFormat.Html => "an HTML page",
        DetectedFormat.Xml => "XML of no accepted kind",
        DetectedFormat.Text => "text of no accepted format",
        _ => "unrecognised binary content",
    };
}
