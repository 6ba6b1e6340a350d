namespace Marketplace.Ingestion.Telemetry.SpacePackets;

/// <summary>The two-bit Sequence Flags of CCSDS 133.0-B-2 §4.1.3.4.2: where a packet sits in segmented user data.</summary>
internal enum SequenceFlags
{
    Continuation = 0b00,
    First = 0b01,
    Last = 0b10,
    Unsegmented = 0b11,
}
