using Marketplace.Platform.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Platform.Jobs;

/// <summary>
/// Runs the registered handlers' jobs in the worker role: <see cref="JobOptions.Concurrency"/> loops, each claiming
/// the next due job, renewing its lease while the handler works, and recording success, a retry or the end.
/// </summary>
public sealed partial class JobRunner(
    IEnumerable<IJobHandler> handlers, JobStore store, TimeProvider clock, IOptions<JobOptions> options,
    IOptions<HostingOptions> hosting, ILogger<JobRunner> logger) : WorkerService(hosting)
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Queue, StringComparer.Ordinal);

    /// <summary>Identifies this process's runners in leases.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override Task RunAsync(CancellationToken ct)
    {
        if (_handlers.Count == 0)
        {
            return Task.CompletedTask;
        }
        return Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(i => LoopAsync($"{WorkerId}/{i}", ct)));
    }

    /// <summary>Claims and runs one due job; false when none was due.</summary>
    public async Task<bool> RunOnceAsync(string worker, CancellationToken ct)
    {
        var job = await store.ClaimAsync([.. _handlers.Keys], worker, ct);
        if (job is null)
        {
            return false;
        }
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewWhileRunningAsync(job, worker, lease);
        try
        {
            await _handlers[job.Queue].RunAsync(job, lease.Token);
            await lease.CancelAsync();
            await renewal;
            await store.SucceedAsync(job, worker, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another worker takes the job again.
            throw;
        }
        catch (Exception ex)
        {
            await lease.CancelAsync();
            await renewal;
            LogJobFailed(logger, ex, job.Queue, job.Id, job.Attempt, job.MaxAttempts);
            await store.FailAsync(job, worker, $"{ex.GetType().Name}: {ex.Message}", ct);
        }
        return true;
    }

    private async Task LoopAsync(string worker, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!await RunOnceAsync(worker, ct))
                {
                    await Task.Delay(options.Value.PollInterval, clock, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database was unreachable: wait and try again.
                LogClaimFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval * 10, clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task RenewWhileRunningAsync(ClaimedJob job, string worker, CancellationTokenSource lease)
    {
        var every = options.Value.Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, clock, lease.Token);
                if (!await store.RenewAsync(job, worker, lease.Token))
                {
                    // Another worker took the job over: stop working on it.
                    await lease.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Queue}#{JobId} failed on attempt {Attempt} of {MaxAttempts}")]
    private static partial void LogJobFailed(ILogger logger, Exception error, string queue, long jobId, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not claim a job")]
    private static partial void LogClaimFailed(ILogger logger, Exception error);
}
