using System.Collections.Frozen;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// Guesses a file's media type from its first bytes and its name. A recognised binary signature (TIFF, PNG, JPEG,
/// Parquet) or an XML declaration wins over a name that says otherwise; a name that agrees keeps its more precise
/// type (<c>.tif</c>: GeoTIFF). Unknown files are <c>application/octet-stream</c>.
/// </summary>
internal static class MediaTypes
{
    public const string OctetStream = "application/octet-stream";
    public const string GeoTiff = "image/tiff; application=geotiff";
    public const string Tiff = "image/tiff";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Csv = "text/csv";
    public const string Parquet = "application/vnd.apache.parquet";
    public const string PlainText = "text/plain";
    public const string Xml = "application/xml";
    public const string Json = "application/json";

    /// <summary>How many leading bytes <see cref="Guess"/> looks at.</summary>
    public const int HeadLength = 64;

    private static readonly FrozenDictionary<string, string> ByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".tif"] = GeoTiff,
        [".tiff"] = GeoTiff,
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".csv"] = Csv,
        [".parquet"] = Parquet,
        [".tle"] = PlainText,
        [".txt"] = PlainText,
        [".xml"] = Xml,
        [".json"] = Json,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The media type of a file named <paramref name="fileName"/> that starts with <paramref name="head"/>.</summary>
    public static string Guess(string fileName, ReadOnlySpan<byte> head)
    {
        var byName = ByExtension.GetValueOrDefault(Path.GetExtension(fileName));
        var sniffed = Sniff(head);
        if (sniffed is null)
        {
            return byName ?? OctetStream;
        }
        return byName is not null && Essence(byName) == sniffed ? byName : sniffed;
    }

    /// <summary>The file's first <see cref="HeadLength"/> bytes (fewer for a shorter file), for <see cref="Guess"/>.</summary>
    public static async Task<byte[]> ReadHeadAsync(string path, CancellationToken ct)
    {
        var head = new byte[HeadLength];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return head[..read];
    }

    /// <summary>type/subtype without parameters, lower case: what an upload declares (<c>image/tiff</c> for a GeoTIFF).</summary>
    public static string Essence(string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8))
        {
            return Tiff;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (head.StartsWith("PAR1"u8))
        {
            return Parquet;
        }
        var text = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        return text.TrimStart(" \t\r\n"u8).StartsWith("<?xml"u8) ? Xml : null;
    }
}
