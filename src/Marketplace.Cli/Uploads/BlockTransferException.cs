namespace Marketplace.Cli.Uploads;

/// <summary>A block was refused; <see cref="Transient"/> when sending it again may succeed (server busy, throttled, timed out).</summary>
internal sealed class BlockTransferException : Exception
{
    public BlockTransferException()
    {
    }

    public BlockTransferException(string message)
        : base(message)
    {
    }

    public BlockTransferException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BlockTransferException(string message, bool transient)
        : base(message)
    {
        Transient = transient;
    }

    public bool Transient { get; }
}
