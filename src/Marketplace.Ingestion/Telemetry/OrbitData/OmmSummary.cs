namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>Facts about an OMM file for the certification report.</summary>
/// <param name="Messages">OMMs read (an NDM/XML file may hold several).</param>
/// <param name="EarliestEpoch">Earliest valid EPOCH, as written (in each message's TIME_SYSTEM).</param>
/// <param name="LatestEpoch">Latest valid EPOCH.</param>
public sealed record OmmSummary(long Messages, DateTimeOffset? EarliestEpoch, DateTimeOffset? LatestEpoch);
