namespace Marketplace.Ingestion.Telemetry.Tle;

/// <summary>Facts about a TLE file for the certification report.</summary>
/// <param name="ElementSets">Element sets found (a line 1 followed by a line 2), valid or not.</param>
/// <param name="Objects">Distinct satellite catalog numbers among them.</param>
/// <param name="EarliestEpoch">Earliest valid epoch, UTC.</param>
/// <param name="LatestEpoch">Latest valid epoch, UTC.</param>
/// <param name="Lines">Lines read.</param>
public sealed record TleSummary(
    long ElementSets,
    long Objects,
    DateTimeOffset? EarliestEpoch,
    DateTimeOffset? LatestEpoch,
    long Lines);
