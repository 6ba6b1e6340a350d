namespace Marketplace.Ingestion.Telemetry.SpacePackets;

/// <summary>
/// Packets of one APID. Sequence counts are those of the first and last complete packet; gaps, missing packets,
/// repeats and regressions are counted for telemetry packets (and telecommands when configured), never for idle
/// packets.
/// </summary>
public sealed record ApidSummary(
    int Apid,
    long Packets,
    long Bytes,
    int FirstSequenceCount,
    int LastSequenceCount,
    long Gaps,
    long MissingPackets,
    long Repeats,
    long Regressions);
