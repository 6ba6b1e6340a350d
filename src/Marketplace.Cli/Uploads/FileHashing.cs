using System.Buffers;
using System.Security.Cryptography;

namespace Marketplace.Cli.Uploads;

/// <summary>SHA-256 of a file, read once from start to end through one pooled buffer: memory stays the same whatever the file's size.</summary>
internal static class FileHashing
{
    private const int BufferSize = 1024 * 1024;

    /// <summary>The file's SHA-256 as lower-case hex; <paramref name="read"/> is told the bytes of each chunk read.</summary>
    public static async Task<string> Sha256Async(string path, Action<long> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            int count;
            while ((count = await file.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
            {
                hash.AppendData(buffer, 0, count);
                read(count);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
