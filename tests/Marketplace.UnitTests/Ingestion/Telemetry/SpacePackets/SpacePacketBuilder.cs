using System.Buffers.Binary;

namespace Marketplace.UnitTests.Ingestion.Telemetry.SpacePackets;

/// <summary>Writes space packets byte by byte, following the primary header layout of CCSDS 133.0-B-2 §4.1.3.</summary>
internal sealed class SpacePacketBuilder
{
    public const int Unsegmented = 0b11;
    public const int FirstSegment = 0b01;
    public const int ContinuationSegment = 0b00;
    public const int LastSegment = 0b10;
    public const int IdleApid = 2047;

    private readonly MemoryStream _bytes = new();

    /// <summary>Byte offset at which the next packet will start.</summary>
    public long Offset => _bytes.Length;

    /// <summary>Appends a packet whose data field holds <paramref name="dataBytes"/> bytes (Packet Data Length = dataBytes − 1).</summary>
    public SpacePacketBuilder Packet(
        int apid,
        int sequenceCount,
        int dataBytes = 10,
        int sequenceFlags = Unsegmented,
        bool telecommand = false,
        bool secondaryHeader = false,
        int version = 0,
        int? declaredDataBytes = null)
    {
        Span<byte> header = stackalloc byte[6];
        var identification = (version << 13) | (telecommand ? 1 << 12 : 0) | (secondaryHeader ? 1 << 11 : 0) | apid;
        BinaryPrimitives.WriteUInt16BigEndian(header, (ushort)identification);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)((sequenceFlags << 14) | sequenceCount));
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], (ushort)((declaredDataBytes ?? dataBytes) - 1));
        _bytes.Write(header);
        for (var i = 0; i < dataBytes; i++)
        {
            _bytes.WriteByte((byte)(0xA0 + i % 16));
        }
        return this;
    }

    public SpacePacketBuilder Raw(params byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    public MemoryStream ToStream() => new(ToArray(), writable: false);
}
