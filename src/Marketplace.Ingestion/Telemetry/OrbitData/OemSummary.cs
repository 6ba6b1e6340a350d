namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>Facts about an OEM file for the certification report.</summary>
/// <param name="Messages">OEMs read (an NDM/XML file may hold several).</param>
/// <param name="Segments">Metadata blocks, each with its ephemeris.</param>
/// <param name="StateVectors">Ephemeris lines with a valid epoch.</param>
/// <param name="CovarianceMatrices">Covariance matrices (one per covariance EPOCH).</param>
/// <param name="EarliestEpoch">Earliest ephemeris epoch, as written (in each segment's TIME_SYSTEM).</param>
/// <param name="LatestEpoch">Latest ephemeris epoch.</param>
public sealed record OemSummary(
    long Messages,
    long Segments,
    long StateVectors,
    long CovarianceMatrices,
    DateTimeOffset? EarliestEpoch,
    DateTimeOffset? LatestEpoch);
