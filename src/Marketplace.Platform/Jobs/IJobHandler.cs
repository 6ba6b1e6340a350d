namespace Marketplace.Platform.Jobs;

/// <summary>
/// Runs the jobs of one queue. Throwing retries the job with backoff until its last attempt; a handler that wants no
/// retry records its result and returns. Handlers must be idempotent: a job can run again after a crash.
/// </summary>
public interface IJobHandler
{
    string Queue { get; }

    Task RunAsync(ClaimedJob job, CancellationToken ct);
}
