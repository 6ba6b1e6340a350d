using Microsoft.EntityFrameworkCore;

namespace Marketplace.Platform.Jobs;

/// <summary>
/// Enqueues durable background jobs (PostgreSQL, <c>jobs.jobs</c>). Delivery is at least once: a handler may run
/// again after a crash or a lost lease, so handlers make their steps idempotent.
/// </summary>
public interface IJobQueue
{
    /// <summary>Enqueues in the current transaction of <paramref name="db"/>, so the job exists exactly when the change committed.</summary>
    Task EnqueueAsync(DbContext db, JobRequest job, CancellationToken ct);

    /// <summary>Enqueues in a transaction of its own.</summary>
    Task EnqueueAsync(JobRequest job, CancellationToken ct);
}
