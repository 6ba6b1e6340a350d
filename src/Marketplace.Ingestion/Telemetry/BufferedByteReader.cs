namespace Marketplace.Ingestion.Telemetry;

/// <summary>
/// Reads a stream front to back through one fixed buffer, so checks of multi-gigabyte files use bounded memory and
/// never seek. <see cref="Position"/> is the number of bytes consumed so far.
/// </summary>
internal sealed class BufferedByteReader(Stream stream, int bufferSize)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _ended;

    public long Position { get; private set; }

    /// <summary>Fills <paramref name="destination"/>; returns fewer bytes only at the end of the stream.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken ct)
    {
        var copied = 0;
        while (copied < destination.Length)
        {
            if (_start == _end && !await FillAsync(ct))
            {
                break;
            }
            var count = Math.Min(destination.Length - copied, _end - _start);
            _buffer.AsMemory(_start, count).CopyTo(destination[copied..]);
            _start += count;
            copied += count;
        }
        Position += copied;
        return copied;
    }

    /// <summary>Consumes <paramref name="count"/> bytes; returns fewer only at the end of the stream.</summary>
    public async ValueTask<long> SkipAsync(long count, CancellationToken ct)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (_start == _end && !await FillAsync(ct))
            {
                break;
            }
            var step = (int)Math.Min(count - skipped, _end - _start);
            _start += step;
            skipped += step;
        }
        Position += skipped;
        return skipped;
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_ended)
        {
            return false;
        }
        _start = 0;
        _end = await stream.ReadAsync(_buffer, ct);
        _ended = _end == 0;
        return !_ended;
    }
}
