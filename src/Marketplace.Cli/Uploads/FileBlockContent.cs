using System.Buffers;
using System.Net;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// One block of a file as a request body: read from the file while it is sent, through a small pooled buffer, never
/// held whole. <paramref name="sent"/> is told how many bytes of the block went out so far in this sending (it
/// starts again from 0 if the request is sent again).
/// </summary>
internal sealed class FileBlockContent(string path, long offset, long blockLength, Action<long> sent) : HttpContent
{
    private const int BufferSize = 128 * 1024;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
            file.Position = offset;
            long done = 0;
            sent(0);
            while (done < blockLength)
            {
                var wanted = (int)Math.Min(BufferSize, blockLength - done);
                var count = await file.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken);
                if (count == 0)
                {
                    throw new IOException($"{path} ended at byte {offset + done}, inside a block that should reach byte {offset + blockLength}: the file changed.");
                }
                await stream.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
                done += count;
                sent(done);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = blockLength;
        return true;
    }
}
