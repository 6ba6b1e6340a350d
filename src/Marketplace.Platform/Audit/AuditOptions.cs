using System.ComponentModel.DataAnnotations;

namespace Marketplace.Platform.Audit;

/// <summary>The audit log's settings (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>PEM file with the ECDSA P-256 key that signs tree heads. Empty: a key made in memory for this process.</summary>
    public string SigningKeyPath { get; set; } = "";

    public bool CreateKeyIfMissing { get; set; }

    /// <summary>A new signed tree head once this many entries were added since the last one...</summary>
    [Range(1, 10_000_000)]
    public int TreeHeadEveryEntries { get; set; } = 1000;

    /// <summary>...or once this many seconds passed with entries added.</summary>
    [Range(1, 86_400)]
    public int TreeHeadEverySeconds { get; set; } = 10;

    /// <summary>Most entries the sequencer adds to the log in one transaction.</summary>
    [Range(1, 100_000)]
    public int SequencerBatchSize { get; set; } = 5000;

    /// <summary>How often the sequencer looks for recorded events.</summary>
    [Range(10, 60_000)]
    public int SequencerPollMilliseconds { get; set; } = 100;

    /// <summary>Most entries one read of the log returns.</summary>
    [Range(1, 100_000)]
    public int MaxEntriesPerPage { get; set; } = 10_000;
}
