using System.Collections.Frozen;

namespace Marketplace.Ingestion.Formats;

/// <summary>
/// The one list of formats the marketplace accepts, with the media types each may be declared as, and the asset roles
/// that only some formats may fill.
/// </summary>
/// <remarks>
/// CCSDS space packets have no registered media type; the marketplace uses <c>application/vnd.ccsds.space-packet</c>
/// (vendor tree, RFC 6838 §3.2). OMM and OEM in KVN, like TLE, are plain text; in XML they are
/// <c>application/xml</c> (or its alias <c>text/xml</c>, RFC 7303). Parquet uses its IANA registration
/// <c>application/vnd.apache.parquet</c>. A GeoTIFF may be classic TIFF or BigTIFF.
/// </remarks>
public static class FormatAllowList
{
    public const string SpacePacketMediaType = "application/vnd.ccsds.space-packet";

    private static readonly MediaType GeoTiff = MediaType.Parse("image/tiff; application=geotiff");
    private static readonly MediaType CloudOptimizedGeoTiff = MediaType.Parse("image/tiff; application=geotiff; profile=cloud-optimized");
    private static readonly MediaType PlainText = MediaType.Parse("text/plain");
    private static readonly MediaType ApplicationXml = MediaType.Parse("application/xml");
    private static readonly MediaType TextXml = MediaType.Parse("text/xml");

    public static IReadOnlyList<AllowedFormat> Formats { get; } =
    [
        new(DetectedFormat.Tiff, "GeoTIFF", [GeoTiff, CloudOptimizedGeoTiff]),
        new(DetectedFormat.BigTiff, "GeoTIFF (BigTIFF)", [GeoTiff, CloudOptimizedGeoTiff]),
        new(DetectedFormat.Png, "PNG", [MediaType.Parse("image/png")]),
        new(DetectedFormat.Jpeg, "JPEG", [MediaType.Parse("image/jpeg")]),
        new(DetectedFormat.SpacePackets, "CCSDS space packets", [MediaType.Parse(SpacePacketMediaType)]),
        new(DetectedFormat.Tle, "two-line element sets", [PlainText]),
        new(DetectedFormat.OmmKvn, "CCSDS OMM (KVN)", [PlainText]),
        new(DetectedFormat.OmmXml, "CCSDS OMM (XML)", [ApplicationXml, TextXml]),
        new(DetectedFormat.OemKvn, "CCSDS OEM (KVN)", [PlainText]),
        new(DetectedFormat.OemXml, "CCSDS OEM (XML)", [ApplicationXml, TextXml]),
        new(DetectedFormat.Csv, "CSV", [MediaType.Parse("text/csv")]),
        new(DetectedFormat.Parquet, "Apache Parquet", [MediaType.Parse("application/vnd.apache.parquet")]),
        new(DetectedFormat.Json, "JSON", [MediaType.Parse("application/json")]),
    ];

    /// <summary>STAC asset roles that only some formats may fill; any other role may be any allowed format.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<DetectedFormat>> RestrictedRoles { get; } =
        new Dictionary<string, IReadOnlySet<DetectedFormat>>
        {
            ["thumbnail"] = new[] { DetectedFormat.Png, DetectedFormat.Jpeg }.ToFrozenSet(),
            ["overview"] = new[] { DetectedFormat.Png, DetectedFormat.Jpeg, DetectedFormat.Tiff, DetectedFormat.BigTiff }.ToFrozenSet(),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The entry for <paramref name="format"/>, or <c>null</c> when it is not allowed.</summary>
    public static AllowedFormat? Find(DetectedFormat format) => Formats.FirstOrDefault(f => f.Format == format);

    /// <summary>The allowed formats that may be declared as <paramref name="mediaType"/>.</summary>
    public static IReadOnlyList<AllowedFormat> Declaring(MediaType mediaType) =>
        Formats.Where(f => f.Accepts(mediaType)).ToList();
}
