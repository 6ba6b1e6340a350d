namespace Marketplace.Platform.Jobs.Persistence;

/// <summary>A row of <c>jobs.jobs</c>: one unit of background work and where it stands.</summary>
public sealed class JobRecord
{
    public long Id { get; set; }

    /// <summary>Which handler runs it.</summary>
    public required string Queue { get; set; }

    /// <summary>The handler's input, as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>Unique when given: enqueuing the same work twice yields one job.</summary>
    public string? DedupeKey { get; set; }

    public JobState State { get; set; }

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; }

    public DateTimeOffset RunAfter { get; set; }

    /// <summary>The worker that holds the job while it runs, and until when; an expired lease means the worker died.</summary>
    public string? LockedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
