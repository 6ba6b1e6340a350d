using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Telemetry.SpacePackets;

/// <summary>Thresholds of <see cref="SpacePacketCheck"/> (section <c>Ingestion:Telemetry:SpacePackets</c>).</summary>
public sealed class SpacePacketCheckOptions
{
    public const string Section = "Ingestion:Telemetry:SpacePackets";

    /// <summary>Findings listed per code before the rest are summarised in one finding.</summary>
    [Range(1, 10_000)]
    public int MaxFindingsPerCode { get; set; } = FindingCollector.DefaultMaxPerCode;

    /// <summary>
    /// Whether telecommand packets are checked for sequence-count continuity. Off by default: in a telecommand the
    /// 14-bit field may be a Packet Name rather than a count (CCSDS 133.0-B-2 §4.1.3.4.3).
    /// </summary>
    public bool CheckTelecommandSequenceCounts { get; set; }

    /// <summary>Size of the one read buffer; memory use does not grow with the file.</summary>
    [Range(4096, 16 * 1024 * 1024)]
    public int ReadBufferBytes { get; set; } = 64 * 1024;
}
