using Spectre.Console;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// Shows transfers while they run: on an interactive console a progress bar per file (bytes, rate, time left);
/// elsewhere (logs, pipes, JSON mode) nothing live, and the uploader prints one line per file instead.
/// </summary>
internal sealed class TransferDisplay
{
    private ProgressContext? _progress;

    private TransferDisplay(IAnsiConsole console) => Console = console;

    public IAnsiConsole Console { get; }

    /// <summary>Runs <paramref name="body"/> with a display on <paramref name="console"/>, live when the console is interactive.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<TransferDisplay, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(body);
        var display = new TransferDisplay(console);
        if (!console.Profile.Capabilities.Interactive)
        {
            return await body(display);
        }
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                display._progress = context;
                return await body(display);
            });
    }

    /// <summary>A meter for <paramref name="total"/> bytes, with a bar labelled <paramref name="label"/> when the display is live.</summary>
    public TransferMeter Track(string label, long total) =>
        new(_progress?.AddTask(Markup.Escape(label), autoStart: true, maxValue: Math.Max(total, 1)));
}
