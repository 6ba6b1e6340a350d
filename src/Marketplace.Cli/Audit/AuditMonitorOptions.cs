using System.ComponentModel.DataAnnotations;

namespace Marketplace.Cli.Audit;

/// <summary>How <see cref="AuditMonitor"/> watches the log.</summary>
internal sealed record AuditMonitorOptions
{
    /// <summary>Seconds between two rounds.</summary>
    [Range(1, 86_400)]
    public int IntervalSeconds { get; init; } = 30;

    /// <summary>Run one round and stop.</summary>
    public bool Once { get; init; }
}
