using Spectre.Console;

namespace Marketplace.Cli.Uploads;

/// <summary>Counts the bytes of one transfer, from any thread, and moves its progress bar if it has one.</summary>
internal sealed class TransferMeter(ProgressTask? bar)
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Adds <paramref name="bytes"/> (negative when a block is sent again from its start).</summary>
    public void Add(long bytes)
    {
        Interlocked.Add(ref _bytes, bytes);
        bar?.Increment(bytes);
    }

    public void Complete()
    {
        if (bar is not null)
        {
            bar.Value = bar.MaxValue;
            bar.StopTask();
        }
    }
}
