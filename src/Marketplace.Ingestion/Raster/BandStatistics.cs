namespace Marketplace.Ingestion.Raster;

/// <summary>Statistics GDAL computed over a band's valid (not nodata, not masked) pixels.</summary>
public sealed record BandStatistics(double Minimum, double Maximum, double Mean, double StdDev);
