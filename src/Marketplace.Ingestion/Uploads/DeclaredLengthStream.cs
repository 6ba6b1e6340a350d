namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// A forward-only request body that reports the length the client declared, so the storage client can send it with a
/// Content-Length without buffering it. Seeking is accepted only to where the stream already is.
/// </summary>
internal sealed class DeclaredLengthStream(Stream inner, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    // The storage client needs a seekable stream to know where the content starts; it never seeks elsewhere on the first try.
    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Advance(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Advance(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return target == _position
            ? _position
            : throw new NotSupportedException("A request body cannot be read again.");
    }

    public override void Flush() { }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Advance(int read)
    {
        _position += read;
        return read;
    }
}
