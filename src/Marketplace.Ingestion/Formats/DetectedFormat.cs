namespace Marketplace.Ingestion.Formats;

/// <summary>
/// A file format as recognised from content. Only some are on the <see cref="FormatAllowList"/>; the others are
/// recognised so a refusal can say what the file really is.
/// </summary>
public enum DetectedFormat
{
    /// <summary>Nothing recognisable.</summary>
    Unknown,

    /// <summary>Zero bytes.</summary>
    Empty,

    /// <summary>Classic TIFF ("II*\0" or "MM\0*"), which a GeoTIFF or Cloud Optimized GeoTIFF is.</summary>
    Tiff,

    /// <summary>BigTIFF ("II+\0" or "MM\0+", 64-bit offsets), also used for GeoTIFFs over 4 GiB.</summary>
    BigTiff,

    Png,

    Jpeg,

    /// <summary>CCSDS space packets end to end (CCSDS 133.0-B-2); recognised by plausible primary headers, as there is no magic number.</summary>
    SpacePackets,

    /// <summary>Two-line element sets.</summary>
    Tle,

    /// <summary>CCSDS Orbit Mean-Elements Message in KVN (first keyword CCSDS_OMM_VERS).</summary>
    OmmKvn,

    /// <summary>CCSDS Orbit Mean-Elements Message in XML (root <c>omm</c>, or <c>ndm</c> holding OMMs).</summary>
    OmmXml,

    /// <summary>CCSDS Orbit Ephemeris Message in KVN (first keyword CCSDS_OEM_VERS).</summary>
    OemKvn,

    /// <summary>CCSDS Orbit Ephemeris Message in XML (root <c>oem</c>, or <c>ndm</c> holding OEMs).</summary>
    OemXml,

    /// <summary>Comma-separated values with a consistent number of fields.</summary>
    Csv,

    /// <summary>Apache Parquet ("PAR1" at both ends).</summary>
    Parquet,

    Json,

    /// <summary>ZIP archive (also the container of many office formats).</summary>
    Zip,

    Gzip,

    Pdf,

    Hdf5,

    NetCdf,

    /// <summary>GDAL virtual raster (XML root <c>VRTDataset</c>): it points at other files instead of holding data.</summary>
    Vrt,

    Html,

    /// <summary>XML of another kind.</summary>
    Xml,

    /// <summary>Text that is none of the text formats above.</summary>
    Text,
}
