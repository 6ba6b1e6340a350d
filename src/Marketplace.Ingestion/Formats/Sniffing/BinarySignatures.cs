namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>Formats that open with a fixed byte sequence (a "magic number").</summary>
internal static class BinarySignatures
{
    private static readonly (byte[] Magic, DetectedFormat Format)[] Signatures =
    [
        ("II*\0"u8.ToArray(), DetectedFormat.Tiff),
        ("MM\0*"u8.ToArray(), DetectedFormat.Tiff),
        ("II+\0"u8.ToArray(), DetectedFormat.BigTiff),
        ("MM\0+"u8.ToArray(), DetectedFormat.BigTiff),
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], DetectedFormat.Png),
        ([0xFF, 0xD8, 0xFF], DetectedFormat.Jpeg),
        ("PAR1"u8.ToArray(), DetectedFormat.Parquet),
        ([(byte)'P', (byte)'K', 0x03, 0x04], DetectedFormat.Zip),
        ([(byte)'P', (byte)'K', 0x05, 0x06], DetectedFormat.Zip),
        ([(byte)'P', (byte)'K', 0x07, 0x08], DetectedFormat.Zip),
        ([0x1F, 0x8B], DetectedFormat.Gzip),
        ("%PDF-"u8.ToArray(), DetectedFormat.Pdf),
        ([0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A], DetectedFormat.Hdf5),
        ([(byte)'C', (byte)'D', (byte)'F', 0x01], DetectedFormat.NetCdf),
        ([(byte)'C', (byte)'D', (byte)'F', 0x02], DetectedFormat.NetCdf),
        ([(byte)'C', (byte)'D', (byte)'F', 0x05], DetectedFormat.NetCdf),
    ];

    /// <summary>Parquet files also end with this (Apache Parquet file format).</summary>
    public static ReadOnlySpan<byte> ParquetMagic => "PAR1"u8;

    public static DetectedFormat? Match(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, format) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return format;
            }
        }
        return null;
    }
}
