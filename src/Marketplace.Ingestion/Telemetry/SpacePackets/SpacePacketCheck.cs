using Microsoft.Extensions.Options;
using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.SpacePackets;

/// <summary>
/// Checks a stream of CCSDS space packets (CCSDS 133.0-B-2, Space Packet Protocol) laid end to end, as in a
/// <c>application/vnd.ccsds.space-packet</c> asset. The stream is read once, front to back, through one buffer.
/// </summary>
/// <remarks>
/// Per packet: the Packet Version Number must be 0 (§4.1.3.2); the Packet Data Length (§4.1.3.5.3) must not run past
/// the end of the stream; per APID the sequence count (§4.1.3.4.3) must advance by one modulo 16384, so 16383 → 0
/// is continuous; Sequence Flags (§4.1.3.4.2) must open and close segmented groups in order; idle packets
/// (APID 2047, §4.1.3.3.4.4) are counted but take no part in continuity, and must not have a secondary header
/// (§4.1.3.3.3). A forward jump of less than half the counter range is read as lost packets, a larger one as the
/// count going backwards.
/// </remarks>
public sealed class SpacePacketCheck(IOptions<SpacePacketCheckOptions> options)
{
    private const int ApidCount = SpacePacketPrimaryHeader.IdleApid + 1;

    /// <summary>Reads <paramref name="packets"/> from its current position to its end.</summary>
    public async Task<TelemetryCheckResult<SpacePacketSummary>> CheckAsync(Stream packets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(packets);
        var settings = options.Value;
        var findings = new FindingCollector(settings.MaxFindingsPerCode);
        var reader = new BufferedByteReader(packets, settings.ReadBufferBytes);
        var apids = new ApidState?[ApidCount];
        var header = new byte[SpacePacketPrimaryHeader.Length];
        long index = 0;
        long idle = 0;
        var truncated = false;

        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var offset = reader.Position;
            var read = await reader.ReadAsync(header, ct);
            if (read == 0)
            {
                break;
            }
            if (read < header.Length)
            {
                findings.Error(SpacePacketFindingCodes.HeaderTruncated,
                    Invariant($"The stream ends {read} byte(s) into a primary header of {header.Length}."),
                    FindingLocation.Packet(offset, index));
                truncated = true;
                break;
            }

            var packet = SpacePacketPrimaryHeader.Parse(header);
            if (packet.Version != 0)
            {
                findings.Error(SpacePacketFindingCodes.Version,
                    Invariant($"Packet Version Number is {packet.Version}; CCSDS space packets have version 0."),
                    FindingLocation.Packet(offset, index));
            }

            var skipped = await reader.SkipAsync(packet.DataFieldLength, ct);
            if (skipped < packet.DataFieldLength)
            {
                findings.Error(SpacePacketFindingCodes.PacketTruncated,
                    Invariant($"Packet Data Length {packet.DataLength} declares {packet.DataFieldLength} byte(s) after the primary header, but the stream ends after {skipped}."),
                    FindingLocation.Packet(offset, index));
                truncated = true;
                break;
            }

            var state = apids[packet.Apid] ??= new ApidState(packet.Apid);
            state.Packets++;
            state.Bytes += SpacePacketPrimaryHeader.Length + packet.DataFieldLength;
            if (packet.IsIdle)
            {
                idle++;
                if (packet.HasSecondaryHeader)
                {
                    findings.Warning(SpacePacketFindingCodes.IdleSecondaryHeader,
                        "Idle packet (APID 2047) with the Secondary Header Flag set.",
                        FindingLocation.Packet(offset, index));
                }
            }
            else if (packet.Version == 0)
            {
                if (!packet.IsTelecommand || settings.CheckTelecommandSequenceCounts)
                {
                    CheckContinuity(state, packet, findings, offset, index);
                }
                CheckSegmentOrder(state, packet, findings, offset, index);
            }
            if (packet.Version == 0)
            {
                if (state.FirstSequenceCount < 0)
                {
                    state.FirstSequenceCount = packet.SequenceCount;
                }
                state.LastSequenceCount = packet.SequenceCount;
            }
            index++;
        }

        if (index == 0 && !truncated)
        {
            findings.Error(SpacePacketFindingCodes.Empty, "The stream holds no space packet.", FindingLocation.Packet(0, 0));
        }

        var perApid = apids.OfType<ApidState>().Select(a => a.ToSummary()).ToList();
        var summary = new SpacePacketSummary(
            Packets: index,
            Bytes: reader.Position,
            IdlePackets: idle,
            Gaps: perApid.Sum(a => a.Gaps),
            MissingPackets: perApid.Sum(a => a.MissingPackets),
            Truncated: truncated,
            Apids: perApid);
        return new TelemetryCheckResult<SpacePacketSummary>(findings.ToList(), summary);
    }

    private static void CheckContinuity(
        ApidState state, SpacePacketPrimaryHeader packet, FindingCollector findings, long offset, long index)
    {
        if (state.LastSequenceCount < 0)
        {
            return;
        }
        const int modulus = SpacePacketPrimaryHeader.SequenceCountModulus;
        var previous = state.LastSequenceCount;
        var step = (packet.SequenceCount - previous + modulus) % modulus;
        if (step == 1)
        {
            return;
        }
        if (step == 0)
        {
            state.Repeats++;
            findings.Warning(SpacePacketFindingCodes.SequenceRepeat,
                Invariant($"APID {packet.Apid}: sequence count {packet.SequenceCount} repeats the previous packet's."),
                FindingLocation.Packet(offset, index));
        }
        else if (step < modulus / 2)
        {
            var missing = step - 1;
            state.Gaps++;
            state.MissingPackets += missing;
            findings.Warning(SpacePacketFindingCodes.SequenceGap,
                Invariant($"APID {packet.Apid}: sequence count jumps from {previous} to {packet.SequenceCount}; {missing} packet(s) missing."),
                FindingLocation.Packet(offset, index));
        }
        else
        {
            state.Regressions++;
            findings.Warning(SpacePacketFindingCodes.SequenceRegression,
                Invariant($"APID {packet.Apid}: sequence count goes back from {previous} to {packet.SequenceCount}."),
                FindingLocation.Packet(offset, index));
        }
    }

    private static void CheckSegmentOrder(
        ApidState state, SpacePacketPrimaryHeader packet, FindingCollector findings, long offset, long index)
    {
        string? problem = (packet.SequenceFlags, state.InSegmentedGroup) switch
        {
            (SequenceFlags.First, true) => "a first segment arrives before the previous group's last segment",
            (SequenceFlags.Unsegmented, true) => "an unsegmented packet arrives before the previous group's last segment",
            (SequenceFlags.Continuation, false) => "a continuation segment arrives without a first segment",
            (SequenceFlags.Last, false) => "a last segment arrives without a first segment",
            _ => null,
        };
        state.InSegmentedGroup = packet.SequenceFlags is SequenceFlags.First or SequenceFlags.Continuation;
        if (problem is not null)
        {
            findings.Warning(SpacePacketFindingCodes.SegmentOrder,
                Invariant($"APID {packet.Apid}: {problem}."),
                FindingLocation.Packet(offset, index));
        }
    }
}
