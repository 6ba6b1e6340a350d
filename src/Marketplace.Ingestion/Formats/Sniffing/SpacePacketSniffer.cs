using Marketplace.Ingestion.Telemetry.SpacePackets;

namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>
/// Space packets have no magic number, so content is taken for a packet stream when its first primary headers are
/// plausible (CCSDS 133.0-B-2 §4.1.3): Packet Version Number 0, and each Packet Data Length leading exactly to the next
/// header, which again has version 0, for <see cref="FormatDetectionOptions.MinSpacePackets"/> packets, or to the
/// exact end of the file. All-zero content is not taken for packets.
/// </summary>
internal static class SpacePacketSniffer
{
    public static bool IsPlausible(ReadOnlySpan<byte> head, long? totalLength, int minPackets)
    {
        if (head.Length < SpacePacketPrimaryHeader.Length || !head.ContainsAnyExcept((byte)0))
        {
            return false;
        }
        long offset = 0;
        var packets = 0;
        while (packets < minPackets)
        {
            if (offset == totalLength)
            {
                return packets > 0;
            }
            if (offset + SpacePacketPrimaryHeader.Length > head.Length)
            {
                return false;
            }
            var header = SpacePacketPrimaryHeader.Parse(head[(int)offset..]);
            if (header.Version != 0)
            {
                return false;
            }
            offset += SpacePacketPrimaryHeader.Length + header.DataFieldLength;
            if (offset > totalLength)
            {
                return false;
            }
            packets++;
        }
        return true;
    }
}
