using System.Buffers.Binary;

namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>
/// Reads the first image file directory (IFD) of a TIFF (TIFF 6.0 §2) or BigTIFF from the head of the file, to see
/// whether it carries the GeoKeyDirectoryTag (34735) that OGC GeoTIFF 1.1 (19-008r4) requires of every GeoTIFF.
/// </summary>
internal static class TiffDirectory
{
    public const int GeoKeyDirectoryTag = 34735;

    /// <summary>Offset of the first IFD as the header states it.</summary>
    public static ulong FirstIfdOffset(ReadOnlySpan<byte> head, bool bigTiff)
    {
        var little = head[0] == (byte)'I';
        return bigTiff
            ? head.Length >= 16 ? Read64(head[8..], little) : 0
            : head.Length >= 8 ? Read32(head[4..], little) : 0;
    }

    /// <summary><c>true</c>/<c>false</c> when the first IFD lies within <paramref name="head"/>; <c>null</c> when it cannot be read from it.</summary>
    public static bool? HasGeoKeys(ReadOnlySpan<byte> head, bool bigTiff)
    {
        var little = head[0] == (byte)'I';
        var ifd = FirstIfdOffset(head, bigTiff);
        var countSize = bigTiff ? 8 : 2;
        var entrySize = bigTiff ? 20 : 12;
        if (ifd == 0 || ifd + (ulong)countSize > (ulong)head.Length)
        {
            return null;
        }
        var at = (int)ifd;
        var count = bigTiff ? Read64(head[at..], little) : Read16(head[at..], little);
        var entry = (ulong)at + (ulong)countSize;
        for (ulong i = 0; i < count; i++, entry += (ulong)entrySize)
        {
            if (entry + 2 > (ulong)head.Length)
            {
                return null;
            }
            if (Read16(head[(int)entry..], little) == GeoKeyDirectoryTag)
            {
                return true;
            }
        }
        return false;
    }

    private static ushort Read16(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);

    private static uint Read32(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);

    private static ulong Read64(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(b) : BinaryPrimitives.ReadUInt64BigEndian(b);
}
