namespace Marketplace.Ingestion.Raster;

/// <summary>The stable codes of the findings the raster checks return.</summary>
public static class RasterFindingCodes
{
    public const string Empty = "raster.empty";
    public const string FootprintMasked = "raster.footprint-masked";
    public const string NotGeoTiff = "raster.not-geotiff";
    public const string Unreadable = "raster.unreadable";
    public const string PixelFlood = "raster.pixel-flood";
    public const string Timeout = "raster.timeout";
    public const string MemoryLimit = "raster.memory-limit";
    public const string OutputTooLarge = "raster.output-too-large";
    public const string CheckUnavailable = "raster.check-unavailable";
    public const string StatisticsApproximate = "raster.stats-approximate";
    public const string StatisticsMissing = "raster.stats-missing";

    public const string CrsMissing = "raster.crs-missing";
    public const string GeoTransformMissing = "raster.geotransform-missing";
    public const string GeoTransformInvalid = "raster.geotransform-invalid";
    public const string GeoTransformNotNorthUp = "raster.geotransform-not-north-up";
    public const string FootprintMismatch = "raster.footprint-mismatch";
    public const string FootprintDerived = "raster.footprint-derived";
    public const string GsdMismatch = "raster.gsd-mismatch";
    public const string GsdUnknown = "raster.gsd-unknown";
    public const string BandCountMismatch = "raster.band-count-mismatch";
    public const string NoDataMismatch = "raster.nodata-mismatch";
    public const string NoDataShareHigh = "raster.nodata-share-high";
    public const string BandAllNoData = "raster.band-all-nodata";
    public const string BandConstant = "raster.band-constant";

    public const string CogInvalid = "raster.cog-invalid";
    public const string CogNotTiled = "raster.cog-not-tiled";
    public const string CogOverviewsMissing = "raster.cog-overviews-missing";
    public const string CogExternalOverviews = "raster.cog-external-overviews";
    public const string CogIfdOrder = "raster.cog-ifd-order";
    public const string CogDataOrder = "raster.cog-data-order";
    public const string CogOverviewOrder = "raster.cog-overview-order";
    public const string CogBlockLeaderTrailer = "raster.cog-block-leader-trailer";
    public const string CogWarning = "raster.cog-warning";
    public const string CogConversionFailed = "raster.cog-conversion-failed";
    public const string ThumbnailFailed = "raster.thumbnail-failed";
}
