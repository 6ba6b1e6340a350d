namespace Marketplace.Ingestion.Telemetry.SpacePackets;

/// <summary>Facts about a space packet stream for the certification report.</summary>
/// <param name="Packets">Complete packets, idle ones included.</param>
/// <param name="Bytes">Bytes read, a truncated last packet included.</param>
/// <param name="IdlePackets">Packets with the idle APID 2047.</param>
/// <param name="Gaps">Places where an APID's sequence count skipped values.</param>
/// <param name="MissingPackets">Sequence counts skipped in all, over every APID.</param>
/// <param name="Truncated">Whether the stream ends inside a packet.</param>
/// <param name="Apids">One entry per APID seen, by APID.</param>
public sealed record SpacePacketSummary(
    long Packets,
    long Bytes,
    long IdlePackets,
    long Gaps,
    long MissingPackets,
    bool Truncated,
    IReadOnlyList<ApidSummary> Apids);
