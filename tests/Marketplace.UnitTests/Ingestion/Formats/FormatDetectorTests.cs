using System.Buffers.Binary;
using System.Text;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Formats;
using Marketplace.UnitTests.Ingestion.Telemetry;
using Marketplace.UnitTests.Ingestion.Telemetry.SpacePackets;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Ingestion.Formats;

public sealed class FormatDetectorTests
{
    private const string GeoTiffType = "image/tiff; application=geotiff";
    private const string CogType = "image/tiff; application=geotiff; profile=cloud-optimized";

    private const string Tle = """
        ISS (ZARYA)
        1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927
        2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537
        """;

    private static readonly FormatDetector Detector = new(Options.Create(new FormatDetectionOptions()));

    private static FormatDetection Detect(byte[] content, string? declared, params string[] roles) =>
        Detector.Detect(new FormatSample(content, declared, roles.Length == 0 ? ["data"] : roles) { TotalLength = content.Length });

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static IEnumerable<(string Code, string? Location)> Codes(FormatDetection detection) =>
        detection.Findings.Select(f => (f.Code, f.Location));

    /// <summary>A little-endian classic TIFF whose first directory (at byte 8) has ImageWidth and, optionally, a GeoKeyDirectoryTag.</summary>
    private static byte[] Tiff(bool geoKeys, uint ifdOffset = 8)
    {
        var bytes = new byte[64];
        "II*\0"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), ifdOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 256);   // ImageWidth
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(12), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(14), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), 512);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(22), geoKeys ? (ushort)34735 : (ushort)257);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(24), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(26), 4);
        return bytes;
    }

    /// <summary>A big-endian BigTIFF whose first directory (at byte 16) holds only a GeoKeyDirectoryTag.</summary>
    private static byte[] BigTiff()
    {
        var bytes = new byte[64];
        "MM\0+"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), 16);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(16), 1);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(24), 34735);
        return bytes;
    }

    [Fact]
    public void Detect_ZeroBytes_IsRefusedAsEmpty()
    {
        var detection = Detect([], GeoTiffType);

        Assert.Equal(DetectedFormat.Empty, detection.Format);
        Assert.Equal([(FormatFindingCodes.Empty, "byte 0")], Codes(detection));
        Assert.False(detection.Accepted);
    }

    [Fact]
    public void Detect_ZipDeclaredAsGeoTiff_IsNotAllowedAndAMismatch()
    {
        byte[] zip = [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, .. Utf8("scene.tif")];

        var detection = Detect(zip, GeoTiffType);

        Assert.Equal(DetectedFormat.Zip, detection.Format);
        Assert.Null(detection.Allowed);
        Assert.Equal([(FormatFindingCodes.NotAllowed, "byte 0"), (FormatFindingCodes.Mismatch, "type")], Codes(detection));
        Assert.All(detection.Findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        Assert.Equal($"Declared as {GeoTiffType} (GeoTIFF or GeoTIFF (BigTIFF)), but the content is a ZIP archive.", detection.Findings[1].Message);
        Assert.False(detection.Accepted);
    }

    [Fact]
    public void Detect_VrtRenamedTif_IsRecognisedByContentNotName()
    {
        var vrt = Utf8("""
            <VRTDataset rasterXSize="512" rasterYSize="512">
              <VRTRasterBand dataType="Byte" band="1">
                <SimpleSource><SourceFilename relativeToVRT="1">/vsicurl/https://example.com/real.tif</SourceFilename></SimpleSource>
              </VRTRasterBand>
            </VRTDataset>
            """);

        var detection = Detect(vrt, GeoTiffType);

        Assert.Equal(DetectedFormat.Vrt, detection.Format);
        Assert.Equal([(FormatFindingCodes.NotAllowed, "byte 0"), (FormatFindingCodes.Mismatch, "type")], Codes(detection));
    }

    [Fact]
    public void Detect_HtmlServedAsCsv_IsNotAllowedAndAMismatch()
    {
        var html = Utf8("\n<!DOCTYPE html>\n<html><head><title>Login</title></head><body>time,value</body></html>");

        var detection = Detect(html, "text/csv");

        Assert.Equal(DetectedFormat.Html, detection.Format);
        Assert.Equal([(FormatFindingCodes.NotAllowed, "byte 0"), (FormatFindingCodes.Mismatch, "type")], Codes(detection));
    }

    [Theory]
    [InlineData(GeoTiffType)]
    [InlineData(CogType)]
    public void Detect_GeoTiff_IsAccepted(string declared)
    {
        var detection = Detect(Tiff(geoKeys: true), declared);

        Assert.Equal(DetectedFormat.Tiff, detection.Format);
        Assert.Empty(detection.Findings);
        Assert.True(detection.Accepted);
        Assert.Equal(GeoTiffType, detection.Allowed!.PreferredMediaType.ToString());
    }

    [Fact]
    public void Detect_TiffWithoutGeoKeysDeclaredGeoTiff_WarnsAtTheDirectory()
    {
        var detection = Detect(Tiff(geoKeys: false), GeoTiffType);

        Assert.Equal([(FormatFindingCodes.GeoTiffKeysMissing, "byte 8")], Codes(detection));
        Assert.Equal(FindingSeverity.Warning, detection.Findings[0].Severity);
        Assert.True(detection.Accepted);
    }

    [Fact]
    public void Detect_TiffDirectoryPastTheEnd_IsTruncated()
    {
        var detection = Detect(Tiff(geoKeys: true, ifdOffset: 5000), GeoTiffType);

        Assert.Equal([(FormatFindingCodes.Truncated, "byte 4")], Codes(detection));
    }

    [Fact]
    public void Detect_BigTiff_IsAcceptedAsGeoTiff()
    {
        var detection = Detect(BigTiff(), CogType);

        Assert.Equal(DetectedFormat.BigTiff, detection.Format);
        Assert.Empty(detection.Findings);
    }

    public static TheoryData<string, byte[], string, DetectedFormat> AllowedContent() => new()
    {
        { "PNG", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8], "image/png", DetectedFormat.Png },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8], "image/jpeg", DetectedFormat.Jpeg },
        {
            "space packets",
            new SpacePacketBuilder().Packet(apid: 100, sequenceCount: 0).Packet(apid: 100, sequenceCount: 1).Packet(apid: 101, sequenceCount: 0).ToArray(),
            "application/vnd.ccsds.space-packet",
            DetectedFormat.SpacePackets
        },
        { "TLE", Utf8(Tle), "text/plain", DetectedFormat.Tle },
        { "TLE without title", Utf8(string.Join('\n', Tle.Split('\n').Skip(1))), "text/plain; charset=us-ascii", DetectedFormat.Tle },
        { "OMM in KVN", Utf8("CCSDS_OMM_VERS = 2.0\nCREATION_DATE = 2007-065T16:00:00\n"), "text/plain", DetectedFormat.OmmKvn },
        { "OMM in XML", Utf8("<?xml version=\"1.0\"?>\n<omm id=\"CCSDS_OMM_VERS\" version=\"2.0\"><header/></omm>"), "application/xml", DetectedFormat.OmmXml },
        { "OEM in KVN", Utf8("CCSDS_OEM_VERS=2.0\nMETA_START\n"), "text/plain", DetectedFormat.OemKvn },
        { "OEM in XML", Utf8("<oem id=\"CCSDS_OEM_VERS\" version=\"2.0\"/>"), "text/xml", DetectedFormat.OemXml },
        { "NDM of OEMs", Utf8("<ndm><!-- two --><oem version=\"2.0\"/><oem version=\"2.0\"/></ndm>"), "application/xml", DetectedFormat.OemXml },
        { "CSV", Utf8("time,value\r\n2024-01-01T00:00:00Z,\"1,5\"\r\n2024-01-01T00:01:00Z,2\r\n"), "text/csv", DetectedFormat.Csv },
        { "CSV with BOM", [0xEF, 0xBB, 0xBF, .. Utf8("a,b\n1,2\n")], "text/csv", DetectedFormat.Csv },
        { "JSON", Utf8("{\"type\":\"Feature\",\"properties\":{}}"), "application/json", DetectedFormat.Json },
        { "Parquet", [.. "PAR1"u8, 1, 2, 3, 4, 5, 6, 7, 8, 4, 0, 0, 0, .. "PAR1"u8], "application/vnd.apache.parquet", DetectedFormat.Parquet },
    };

    [Theory]
    [MemberData(nameof(AllowedContent))]
    public void Detect_AllowedContentDeclaredCorrectly_IsAccepted(string name, byte[] content, string declared, DetectedFormat expected)
    {
        var detection = Detect(content, declared);

        Assert.True(expected == detection.Format, $"{name}: detected {detection.Format}");
        Assert.Empty(detection.Findings);
        Assert.True(detection.Accepted);
    }

    [Fact]
    public void Detect_ParquetTailWithoutClosingMagic_IsTruncated()
    {
        byte[] head = [.. "PAR1"u8, .. new byte[60]];
        var sample = new FormatSample(head, "application/vnd.apache.parquet", ["data"]) { Tail = new byte[8], TotalLength = 10_000 };

        var detection = Detector.Detect(sample);

        Assert.Equal([(FormatFindingCodes.Truncated, "byte 9996")], Codes(detection));
    }

    [Fact]
    public void Detect_ParquetHeadOnlyWithoutTail_IsAccepted()
    {
        byte[] head = [.. "PAR1"u8, .. new byte[60]];

        var detection = Detector.Detect(new FormatSample(head, "application/vnd.apache.parquet", ["data"]));

        Assert.True(detection.Accepted);
    }

    [Fact]
    public void Detect_PngDeclaredAsJpeg_IsAMismatchOnly()
    {
        var detection = Detect([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "image/jpeg");

        Assert.Equal([(FormatFindingCodes.Mismatch, "type")], Codes(detection));
        Assert.Equal("Declared as image/jpeg (JPEG), but the content is PNG. Declare image/png.", detection.Findings[0].Message);
    }

    [Fact]
    public void Detect_NoDeclaredType_WarnsAndSuggestsOne()
    {
        var detection = Detect(Tiff(geoKeys: true), declared: null);

        var finding = Assert.Single(detection.Findings);
        Assert.Equal((FormatFindingCodes.MediaTypeMissing, FindingSeverity.Warning, "type"), (finding.Code, finding.Severity, finding.Location));
        Assert.Equal($"No media type is declared. Declare {GeoTiffType}.", finding.Message);
        Assert.True(detection.Accepted);
    }

    [Theory]
    [InlineData("application/x-hdf5", FormatFindingCodes.MediaTypeNotAllowed)]
    [InlineData("image/tiff", FormatFindingCodes.MediaTypeNotAllowed)]
    [InlineData("geotiff", FormatFindingCodes.MediaTypeInvalid)]
    public void Detect_DeclaredTypeOutsideTheAllowList_IsRefused(string declared, string code)
    {
        var detection = Detect(Tiff(geoKeys: true), declared);

        Assert.Equal([(code, "type")], Codes(detection));
        Assert.False(detection.Accepted);
    }

    [Fact]
    public void Detect_GeoTiffAsThumbnail_IsARoleNotAllowed()
    {
        var detection = Detect(Tiff(geoKeys: true), GeoTiffType, "thumbnail");

        Assert.Equal([(FormatFindingCodes.RoleNotAllowed, "roles")], Codes(detection));
        Assert.Equal("An asset with role 'thumbnail' must be PNG or JPEG, not GeoTIFF.", detection.Findings[0].Message);
    }

    [Fact]
    public void Detect_PngAsThumbnail_IsAccepted()
    {
        var detection = Detect([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "image/png", "thumbnail");

        Assert.True(detection.Accepted);
    }

    [Theory]
    [InlineData(new byte[] { 0xE3, 0x11, 0x5A, 0x00, 0x9C, 0x27, 0x00, 0xFE })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Detect_UnknownBinary_IsUnrecognised(byte[] content)
    {
        var detection = Detect(content, "application/vnd.ccsds.space-packet");

        Assert.Equal(DetectedFormat.Unknown, detection.Format);
        Assert.Equal([(FormatFindingCodes.Unrecognized, "byte 0"), (FormatFindingCodes.Mismatch, "type")], Codes(detection));
    }

    [Fact]
    public void Detect_PacketFollowedByAnImplausibleHeader_IsNotSpacePackets()
    {
        var content = new SpacePacketBuilder().Packet(apid: 5, sequenceCount: 0).Packet(apid: 5, sequenceCount: 1, version: 4).ToArray();

        Assert.Equal(DetectedFormat.Unknown, Detect(content, null).Format);
    }

    [Fact]
    public void Detect_SinglePacketFillingTheFile_IsSpacePackets()
    {
        var content = new SpacePacketBuilder().Packet(apid: 5, sequenceCount: 0, dataBytes: 200).ToArray();

        Assert.Equal(DetectedFormat.SpacePackets, Detect(content, null).Format);
    }

    [Fact]
    public void Detect_Prose_IsUnrecognisedText()
    {
        var detection = Detect(Utf8("Dear provider,\nplease find the scene attached.\n"), "text/plain");

        Assert.Equal(DetectedFormat.Text, detection.Format);
        Assert.Equal([(FormatFindingCodes.Unrecognized, "byte 0"), (FormatFindingCodes.Mismatch, "type")], Codes(detection));
    }

    [Fact]
    public void Detect_BrokenJson_IsMalformed()
    {
        var detection = Detect(Utf8("{\n  \"type\": \"Feature\",\n  \"id\": oops\n}"), "application/json");

        Assert.Equal(DetectedFormat.Json, detection.Format);
        Assert.Equal([(FormatFindingCodes.Malformed, "line 3, byte 9")], Codes(detection));
        Assert.False(detection.Accepted);
    }

    [Fact]
    public void Detect_JsonCutByTheEndOfTheHead_IsJson()
    {
        var json = Utf8("{\"features\":[{\"id\":\"a\"},{\"id\":\"b");

        var detection = Detector.Detect(new FormatSample(json, "application/json", ["data"]) { TotalLength = 1_000_000 });

        Assert.True(detection.Accepted);
    }

    [Fact]
    public void Detect_XmlOfAnotherKind_IsNotAllowed()
    {
        var detection = Detect(Utf8("<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>"), "application/xml");

        Assert.Equal(DetectedFormat.Xml, detection.Format);
        Assert.Equal([(FormatFindingCodes.NotAllowed, "byte 0"), (FormatFindingCodes.Mismatch, "type")], Codes(detection));
    }

    [Fact]
    public async Task DetectAsync_SeekableStream_ReadsHeadAndTailAndRestoresThePosition()
    {
        var detector = new FormatDetector(Options.Create(new FormatDetectionOptions { HeadBytes = 512 }));
        byte[] file = [.. "PAR1"u8, .. new byte[2000], .. "PAR1"u8];
        using var stream = new MemoryStream(file);

        var detection = await detector.DetectAsync(stream, "application/vnd.apache.parquet", ["data"], TestContext.Current.CancellationToken);

        Assert.Equal(DetectedFormat.Parquet, detection.Format);
        Assert.True(detection.Accepted);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task DetectAsync_SeekableStreamCutShort_IsTruncated()
    {
        var detector = new FormatDetector(Options.Create(new FormatDetectionOptions { HeadBytes = 512 }));
        using var stream = new MemoryStream([.. "PAR1"u8, .. new byte[2000]]);

        var detection = await detector.DetectAsync(stream, "application/vnd.apache.parquet", ["data"], TestContext.Current.CancellationToken);

        Assert.Equal([(FormatFindingCodes.Truncated, "byte 2000")], Codes(detection));
    }

    [Fact]
    public async Task DetectAsync_ShortForwardOnlyStream_KnowsItHasTheWholeFile()
    {
        var stream = new ForwardOnlyStream(Utf8("{\"a\":"), chunk: 2);

        var detection = await Detector.DetectAsync(stream, "application/json", ["metadata"], TestContext.Current.CancellationToken);

        Assert.Equal(DetectedFormat.Json, detection.Format);
        Assert.Equal([FormatFindingCodes.Malformed], detection.Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task DetectAsync_EmptyStream_IsEmpty()
    {
        var detection = await Detector.DetectAsync(new MemoryStream(), GeoTiffType, ["data"], TestContext.Current.CancellationToken);

        Assert.Equal(DetectedFormat.Empty, detection.Format);
        Assert.Equal([FormatFindingCodes.Empty], detection.Findings.Select(f => f.Code));
    }

    [Fact]
    public void AllowList_EveryAllowedFormatHasAMediaType() =>
        Assert.All(FormatAllowList.Formats, f => Assert.NotEmpty(f.MediaTypes));
}
