namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// Receives one Orbit Data Message as a sequence of events, whichever its encoding: KVN lines and NDM/XML elements
/// map to the same keywords (CCSDS 505.0-B uses the KVN keywords as element names).
/// </summary>
internal interface IOrbitDataMessageHandler
{
    /// <summary>A keyword and its value (units in brackets removed); COMMENT lines arrive as keyword <c>COMMENT</c>.</summary>
    void Keyword(string keyword, string value, SourcePosition position);

    void MetadataStart(SourcePosition position);

    void MetadataStop(SourcePosition position);

    void CovarianceStart(SourcePosition position);

    void CovarianceStop(SourcePosition position);

    /// <summary>A line of whitespace-separated values: an OEM ephemeris line or a covariance row.</summary>
    void DataLine(IReadOnlyList<string> values, SourcePosition position);

    /// <summary>The message ends; <paramref name="position"/> is its last line or end element.</summary>
    void End(SourcePosition position);
}
