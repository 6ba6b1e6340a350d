namespace Marketplace.Cli.Audit;

/// <summary>What <see cref="AuditVerifier"/> checks beyond the tree head's signature and its consistency with the last verified one.</summary>
internal sealed record AuditVerifyOptions
{
    /// <summary>Read every entry, check each, and recompute the root of the whole log (needs an auditor's or platform admin's token).</summary>
    public bool FromScratch { get; init; }

    /// <summary>Check an inclusion proof for every entry the caller may see (any client).</summary>
    public bool CheckVisibleEntries { get; init; }

    /// <summary>Problems about single entries reported before the rest are only counted.</summary>
    public int MaxEntryProblems { get; init; } = 50;
}
