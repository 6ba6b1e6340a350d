using Marketplace.Platform.Audit.TreeHeads;
using Marketplace.Platform.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Platform.Audit.Sequencing;

/// <summary>
/// The worker loop of the audit log: sequences pending events every poll interval (at once again while full
/// batches keep coming), and publishes signed tree heads when they are due.
/// </summary>
public sealed partial class AuditSequencerWorker(
    AuditSequencer sequencer,
    PublishTreeHead publish,
    IOptions<AuditOptions> options,
    IOptions<HostingOptions> hosting,
    TimeProvider clock,
    ILogger<AuditSequencerWorker> logger) : WorkerService(hosting)
{
    protected override async Task RunAsync(CancellationToken ct)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.SequencerPollMilliseconds);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                int added;
                do
                {
                    added = await sequencer.SequenceAsync(ct);
                }
                while (added == options.Value.SequencerBatchSize);
                await publish.HandleAsync(force: false, ct);
                await Task.Delay(poll, clock, ct);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                LogFailed(ex);
                await Task.Delay(poll, clock, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sequencing the audit log failed; retrying")]
    private partial void LogFailed(Exception exception);
}
