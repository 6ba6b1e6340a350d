namespace Marketplace.Ingestion.Telemetry.SpacePackets;

/// <summary>Finding codes of <see cref="SpacePacketCheck"/>. Locations read <c>byte {offset}, packet {index}</c>, both from 0.</summary>
public static class SpacePacketFindingCodes
{
    /// <summary>Error: the stream holds no packet at all.</summary>
    public const string Empty = "space-packet.empty";

    /// <summary>Error: the Packet Version Number is not '000' (CCSDS 133.0-B-2 §4.1.3.2).</summary>
    public const string Version = "space-packet.version";

    /// <summary>Error: the stream ends inside a six-octet primary header (§4.1.3.1).</summary>
    public const string HeaderTruncated = "space-packet.header-truncated";

    /// <summary>Error: the Packet Data Length runs past the end of the stream: the last packet is cut short (§4.1.3.5.3).</summary>
    public const string PacketTruncated = "space-packet.packet-truncated";

    /// <summary>Warning: the sequence count of an APID skips values: packets were lost (§4.1.3.4.3).</summary>
    public const string SequenceGap = "space-packet.sequence-gap";

    /// <summary>Warning: the sequence count of an APID repeats the previous packet's count.</summary>
    public const string SequenceRepeat = "space-packet.sequence-repeat";

    /// <summary>Warning: the sequence count of an APID goes backwards (replayed packets or a counter reset).</summary>
    public const string SequenceRegression = "space-packet.sequence-regression";

    /// <summary>Warning: sequence flags out of order: a continuation or last segment without a first one, or a new group before the last segment (§4.1.3.4.2).</summary>
    public const string SegmentOrder = "space-packet.segment-order";

    /// <summary>Warning: an idle packet (APID 2047) has its Secondary Header Flag set (§4.1.3.3.3).</summary>
    public const string IdleSecondaryHeader = "space-packet.idle-secondary-header";
}
