namespace Marketplace.Platform.Jobs;

/// <summary>Where a job stands: waiting (possibly until a retry time), held by a worker, done, or given up after its last attempt.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Dead,
}
