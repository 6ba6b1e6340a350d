namespace Marketplace.Platform.Jobs;

/// <summary>
/// Work to do in the background: the queue whose handler runs it, its input as JSON, and optionally a key that makes
/// enqueuing idempotent (the same key twice yields one job) and a time before which it must not run.
/// </summary>
public sealed record JobRequest(string Queue, string Payload, string? DedupeKey = null, DateTimeOffset? RunAfter = null);
