using System.Globalization;
using Marketplace.Cli.Http;
using Spectre.Console;

namespace Marketplace.Cli.Audit;

/// <summary>
/// Watches the log: every interval it checks the latest signed tree head's signature and its consistency with the
/// last verified one, prints one line per new head, and stops with an ALERT line at the first failure. Each newly
/// verified head is saved to the state file, so a restarted monitor carries on from it. Servers that cannot be
/// reached are reported and retried; with <see cref="AuditMonitorOptions.Once"/> they end the run instead.
/// </summary>
internal sealed class AuditMonitor(AuditVerifier verifier, VerifiedStateFile? stateFile, TimeProvider clock, IAnsiConsole console)
{
    /// <returns>False when an alert was raised; true when it stopped otherwise (one round done, or cancelled).</returns>
    public async Task<bool> RunAsync(VerifiedState? start, AuditMonitorOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var last = start;
        var firstRound = true;
        var noHeadReported = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.IntervalSeconds), clock);
        try
        {
            while (true)
            {
                AuditVerification? result = null;
                try
                {
                    result = await verifier.VerifyAsync(last, new AuditVerifyOptions(), ct);
                }
                catch (Exception e) when (!options.Once && !ct.IsCancellationRequested
                                          && e is HttpRequestException or MarketplaceApiException or OperationCanceledException)
                {
                    console.MarkupLine(
                        $"[yellow]{Now()} warning:[/] {Markup.Escape(e.Message)} (retrying in {options.IntervalSeconds} s)");
                }

                if (result is { Ok: false })
                {
                    foreach (var problem in result.Problems)
                    {
                        console.MarkupLine($"[red bold]ALERT[/] {Now()} {Markup.Escape(problem)}");
                    }
                    return false;
                }
                if (result is { TreeHead: null } && !noHeadReported)
                {
                    console.MarkupLine($"{Now()} the log has no signed tree head yet");
                    noHeadReported = true;
                }
                if (result?.TreeHead is { } head)
                {
                    var verified = new VerifiedState(head.TreeSize, head.RootHash);
                    var line = last is null
                        ? "signature verified, first head seen"
                        : last.TreeSize == head.TreeSize ? "unchanged" : $"consistent with {last.TreeSize}";
                    if (last is null || last.TreeSize != head.TreeSize || firstRound)
                    {
                        console.MarkupLine(
                            $"[green]{Now()}[/] tree size {head.TreeSize}, root {Markup.Escape(head.RootHash)}, {line}");
                    }
                    if (last != verified && stateFile is not null)
                    {
                        await stateFile.SaveAsync(verified, ct);
                    }
                    last = verified;
                }

                firstRound = false;
                if (options.Once || !await timer.WaitForNextTickAsync(ct))
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return true;
        }
    }

    private string Now() => clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
