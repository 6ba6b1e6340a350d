namespace Marketplace.Platform.Jobs;

/// <summary>A job a runner holds: its id, queue, input, and which attempt this is (1 for the first).</summary>
public sealed record ClaimedJob(long Id, string Queue, string Payload, int Attempt, int MaxAttempts);
