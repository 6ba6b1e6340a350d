using System.Buffers.Binary;

namespace Marketplace.Ingestion.Telemetry.SpacePackets;

/// <summary>
/// The six-octet Packet Primary Header of CCSDS 133.0-B-2 §4.1.3, big-endian:
/// Packet Version Number (3 bits, §4.1.3.2), Packet Type (1, §4.1.3.3.2), Secondary Header Flag (1, §4.1.3.3.3),
/// APID (11, §4.1.3.3.4), Sequence Flags (2, §4.1.3.4.2), Packet Sequence Count or Packet Name (14, §4.1.3.4.3) and
/// Packet Data Length (16, §4.1.3.5): the number of octets in the Packet Data Field minus one.
/// </summary>
internal readonly record struct SpacePacketPrimaryHeader(
    int Version, bool IsTelecommand, bool HasSecondaryHeader, int Apid, SequenceFlags SequenceFlags, int SequenceCount, int DataLength)
{
    public const int Length = 6;

    /// <summary>The APID of idle packets, all ones (§4.1.3.3.4.4).</summary>
    public const int IdleApid = 0x7FF;

    /// <summary>The sequence count is kept modulo 16384 (§4.1.3.4.3.4): 16383 is followed by 0.</summary>
    public const int SequenceCountModulus = 1 << 14;

    public bool IsIdle => Apid == IdleApid;

    /// <summary>Octets after the primary header: the Packet Data Length plus one (§4.1.3.5.3).</summary>
    public int DataFieldLength => DataLength + 1;

    public static SpacePacketPrimaryHeader Parse(ReadOnlySpan<byte> header)
    {
        var identification = BinaryPrimitives.ReadUInt16BigEndian(header);
        var sequenceControl = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        var dataLength = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
        return new SpacePacketPrimaryHeader(
            Version: identification >> 13,
            IsTelecommand: (identification & 0x1000) != 0,
            HasSecondaryHeader: (identification & 0x0800) != 0,
            Apid: identification & IdleApid,
            SequenceFlags: (SequenceFlags)(sequenceControl >> 14),
            SequenceCount: sequenceControl & (SequenceCountModulus - 1),
            DataLength: dataLength);
    }
}
