namespace Marketplace.Platform.Gdal;

/// <summary>The first four bytes of classic TIFF and BigTIFF files, little- and big-endian (TIFF 6.0 §2, BigTIFF).</summary>
internal static class TiffSignature
{
    public static async Task<bool> StartsWithTiffSignatureAsync(string path, CancellationToken ct)
    {
        var head = new byte[4];
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return read == head.Length && Matches(head);
    }

    public static bool Matches(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && (
            (head[0] == 0x49 && head[1] == 0x49 && head[2] is 0x2A or 0x2B && head[3] == 0x00)
            || (head[0] == 0x4D && head[1] == 0x4D && head[2] == 0x00 && head[3] is 0x2A or 0x2B));
}
