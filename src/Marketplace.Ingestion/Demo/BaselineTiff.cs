using System.Buffers.Binary;

namespace Marketplace.Ingestion.Demo;

/// <summary>
/// Writes classic little-endian TIFF files (TIFF 6.0): one strip of chunky 8-bit samples, no georeferencing (add it
/// with <c>gdal_translate -a_srs -a_ullr</c>). Used for the demo world's scenes and for rasters no GDAL tool makes.
/// </summary>
public static class BaselineTiff
{
    public const ushort NoCompression = 1;
    public const ushort Deflate = 8;

    /// <summary>An uncompressed raster whose pixel values vary along rows, columns and bands.</summary>

    public static byte[] Gradient(int width, int height, int bands)
    {
        var pixels = new byte[width * height * bands];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var b = 0; b < bands; b++)
                {
                    pixels[(((y * width) + x) * bands) + b] = (byte)((x + (2 * y) + (85 * b)) & 0xFF);
                }
            }
        }
        return Build((uint)width, (uint)height, (ushort)bands, NoCompression, pixels);
    }

    /// <summary>A TIFF of <paramref name="strip"/>, which holds the samples as <paramref name="compression"/> says.</summary>
    public static byte[] Build(uint width, uint height, ushort bands, ushort compression, byte[] strip)
    {
        ushort photometric = bands >= 3 ? (ushort)2 : (ushort)1;
        var extraSamples = bands - (photometric == 2 ? 3 : 1);
        var entryCount = 10 + (extraSamples > 0 ? 1 : 0);
        var ifdSize = 2 + (entryCount * 12) + 4;
        var bitsOffset = 8 + ifdSize;
        var bitsSize = bands > 2 ? bands * 2 : 0;
        var extraOffset = bitsOffset + bitsSize;
        var extraSize = extraSamples > 2 ? extraSamples * 2 : 0;
        var stripOffset = extraOffset + extraSize;

        var file = new byte[stripOffset + strip.Length];
        "II"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)entryCount);
        var at = 10;
        void Entry(ushort tag, ushort type, uint count, uint value)
        {
            var span = file.AsSpan();
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], tag);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], count);
            if (type == 3 && count <= 2)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 8)..], (ushort)value);
                BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 10)..], count == 2 ? (ushort)value : (ushort)0);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 8)..], value);
            }
            at += 12;
        }
        const ushort Short = 3, Long = 4;
        Entry(256, Long, 1, width);
        Entry(257, Long, 1, height);
        Entry(258, Short, bands, bands > 2 ? (uint)bitsOffset : 8);
        Entry(259, Short, 1, compression);
        Entry(262, Short, 1, photometric);
        Entry(273, Long, 1, (uint)stripOffset);
        Entry(277, Short, 1, bands);
        Entry(278, Long, 1, height);
        Entry(279, Long, 1, (uint)strip.Length);
        Entry(284, Short, 1, 1);
        if (extraSamples > 0)
        {
            Entry(338, Short, (uint)extraSamples, extraSamples > 2 ? (uint)extraOffset : 0);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at), 0);
        for (var i = 0; i < bitsSize / 2; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(bitsOffset + (2 * i)), 8);
        }
        strip.CopyTo(file.AsSpan(stripOffset));
        return file;
    }
}
