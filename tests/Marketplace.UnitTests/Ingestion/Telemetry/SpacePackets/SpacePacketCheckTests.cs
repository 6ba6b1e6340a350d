using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Telemetry;
using Marketplace.Ingestion.Telemetry.SpacePackets;
using Microsoft.Extensions.Options;
using static Marketplace.UnitTests.Ingestion.Telemetry.SpacePackets.SpacePacketBuilder;

namespace Marketplace.UnitTests.Ingestion.Telemetry.SpacePackets;

public sealed class SpacePacketCheckTests
{
    private static SpacePacketCheck Check(SpacePacketCheckOptions? options = null) =>
        new(Options.Create(options ?? new SpacePacketCheckOptions()));

    [Fact]
    public async Task CheckAsync_StreamWithGapRepeatBadVersionAndTruncatedLastPacket_ReportsEachAtItsPacket()
    {
        var stream = new SpacePacketBuilder()
            .Packet(apid: 100, sequenceCount: 0, dataBytes: 10)     // packet 0, byte 0
            .Packet(apid: 200, sequenceCount: 10, dataBytes: 8)     // packet 1, byte 16
            .Packet(apid: 100, sequenceCount: 1, dataBytes: 10)     // packet 2, byte 30
            .Packet(apid: 200, sequenceCount: 10, dataBytes: 8)     // packet 3, byte 46: repeat
            .Packet(apid: 100, sequenceCount: 4, dataBytes: 10)     // packet 4, byte 60: 2 and 3 missing
            .Packet(apid: IdleApid, sequenceCount: 9000, dataBytes: 4) // packet 5, byte 76: idle, ignored
            .Packet(apid: 100, sequenceCount: 5, dataBytes: 10, version: 1) // packet 6, byte 86: bad version
            .Packet(apid: 200, sequenceCount: 11, dataBytes: 8)     // packet 7, byte 102
            .Packet(apid: 100, sequenceCount: 5, dataBytes: 20, declaredDataBytes: 100) // packet 8, byte 116: cut short
            .ToStream();

        var result = await Check().CheckAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (SpacePacketFindingCodes.SequenceRepeat, "byte 46, packet 3"),
                (SpacePacketFindingCodes.SequenceGap, "byte 60, packet 4"),
                (SpacePacketFindingCodes.Version, "byte 86, packet 6"),
                (SpacePacketFindingCodes.PacketTruncated, "byte 116, packet 8"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
        Assert.Contains("from 1 to 4; 2 packet(s) missing", result.Findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("declares 100 byte(s) after the primary header, but the stream ends after 20", result.Findings[3].Message, StringComparison.Ordinal);
        Assert.False(result.Passed);

        var summary = result.Summary;
        Assert.Equal(8, summary.Packets);
        Assert.Equal(142, summary.Bytes);
        Assert.Equal(1, summary.IdlePackets);
        Assert.Equal(1, summary.Gaps);
        Assert.Equal(2, summary.MissingPackets);
        Assert.True(summary.Truncated);
        Assert.Equal([100, 200, IdleApid], summary.Apids.Select(a => a.Apid));
        var apid100 = summary.Apids[0];
        Assert.Equal((4, 0, 4, 1, 2L), (apid100.Packets, apid100.FirstSequenceCount, apid100.LastSequenceCount, apid100.Gaps, apid100.MissingPackets));
        var apid200 = summary.Apids[1];
        Assert.Equal((3, 10, 11, 1), (apid200.Packets, apid200.FirstSequenceCount, apid200.LastSequenceCount, apid200.Repeats));
    }

    [Fact]
    public async Task CheckAsync_SequenceCountWrapsFrom16383To0_IsContinuous()
    {
        var stream = new SpacePacketBuilder()
            .Packet(apid: 300, sequenceCount: 16382)
            .Packet(apid: 301, sequenceCount: 7)
            .Packet(apid: IdleApid, sequenceCount: 0, dataBytes: 3)
            .Packet(apid: 300, sequenceCount: 16383)
            .Packet(apid: 300, sequenceCount: 0)
            .Packet(apid: IdleApid, sequenceCount: 0, dataBytes: 3)
            .Packet(apid: 301, sequenceCount: 8, sequenceFlags: FirstSegment)
            .Packet(apid: 300, sequenceCount: 1)
            .Packet(apid: 301, sequenceCount: 9, sequenceFlags: ContinuationSegment)
            .Packet(apid: 301, sequenceCount: 10, sequenceFlags: LastSegment)
            .ToStream();

        var result = await Check().CheckAsync(stream, TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        Assert.True(result.Passed);
        Assert.Equal(10, result.Summary.Packets);
        Assert.Equal(0, result.Summary.Gaps);
        Assert.False(result.Summary.Truncated);
        var apid300 = Assert.Single(result.Summary.Apids, a => a.Apid == 300);
        Assert.Equal((4, 16382, 1), (apid300.Packets, apid300.FirstSequenceCount, apid300.LastSequenceCount));
    }

    [Fact]
    public async Task CheckAsync_StreamEndsInsideAPrimaryHeader_ReportsTheTruncatedHeader()
    {
        var stream = new SpacePacketBuilder()
            .Packet(apid: 5, sequenceCount: 0, dataBytes: 10)
            .Raw(0x00, 0x05, 0xC0)
            .ToStream();

        var result = await Check().CheckAsync(stream, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((SpacePacketFindingCodes.HeaderTruncated, "byte 16, packet 1"), (finding.Code, finding.Location));
        Assert.Equal(19, result.Summary.Bytes);
        Assert.True(result.Summary.Truncated);
    }

    [Fact]
    public async Task CheckAsync_CountGoesBackwards_ReportsARegressionNotAHugeGap()
    {
        var stream = new SpacePacketBuilder()
            .Packet(apid: 7, sequenceCount: 500)
            .Packet(apid: 7, sequenceCount: 501)
            .Packet(apid: 7, sequenceCount: 10)
            .ToStream();

        var result = await Check().CheckAsync(stream, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((SpacePacketFindingCodes.SequenceRegression, "byte 32, packet 2", FindingSeverity.Warning),
            (finding.Code, finding.Location, finding.Severity));
        Assert.Equal(0, result.Summary.MissingPackets);
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task CheckAsync_SegmentsOutOfOrder_ReportsEveryPacketThatBreaksTheOrder()
    {
        var stream = new SpacePacketBuilder()
            .Packet(apid: 9, sequenceCount: 0, sequenceFlags: ContinuationSegment) // no first segment before it
            .Packet(apid: 9, sequenceCount: 1, sequenceFlags: FirstSegment)        // the group of packet 0 never ended
            .Packet(apid: 9, sequenceCount: 2, sequenceFlags: Unsegmented)         // the group of packet 1 never ended
            .Packet(apid: 9, sequenceCount: 3, sequenceFlags: LastSegment)         // no group is open
            .Packet(apid: 9, sequenceCount: 4, sequenceFlags: FirstSegment)
            .Packet(apid: 9, sequenceCount: 5, sequenceFlags: LastSegment)
            .ToStream();

        var result = await Check().CheckAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (SpacePacketFindingCodes.SegmentOrder, "byte 0, packet 0"),
                (SpacePacketFindingCodes.SegmentOrder, "byte 16, packet 1"),
                (SpacePacketFindingCodes.SegmentOrder, "byte 32, packet 2"),
                (SpacePacketFindingCodes.SegmentOrder, "byte 48, packet 3"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_IdlePacketWithSecondaryHeader_IsAWarning()
    {
        var stream = new SpacePacketBuilder()
            .Packet(apid: IdleApid, sequenceCount: 0, secondaryHeader: true)
            .ToStream();

        var result = await Check().CheckAsync(stream, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((SpacePacketFindingCodes.IdleSecondaryHeader, "byte 0, packet 0"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_TelecommandPacketNames_AreNotCountsUnlessConfigured()
    {
        byte[] packets = new SpacePacketBuilder()
            .Packet(apid: 20, sequenceCount: 100, telecommand: true)
            .Packet(apid: 20, sequenceCount: 7, telecommand: true)
            .ToArray();

        var byDefault = await Check().CheckAsync(new MemoryStream(packets), TestContext.Current.CancellationToken);
        var checkingCounts = await Check(new SpacePacketCheckOptions { CheckTelecommandSequenceCounts = true })
            .CheckAsync(new MemoryStream(packets), TestContext.Current.CancellationToken);

        Assert.Empty(byDefault.Findings);
        Assert.Equal([SpacePacketFindingCodes.SequenceRegression], checkingCounts.Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task CheckAsync_EmptyStream_ReportsNoPackets()
    {
        var result = await Check().CheckAsync(new MemoryStream(), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((SpacePacketFindingCodes.Empty, "byte 0, packet 0"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_ManyGaps_ListsTheCapThenOneSummary()
    {
        var builder = new SpacePacketBuilder();
        for (var i = 0; i < 8; i++)
        {
            builder.Packet(apid: 1, sequenceCount: i * 2);
        }

        var result = await Check(new SpacePacketCheckOptions { MaxFindingsPerCode = 5 })
            .CheckAsync(builder.ToStream(), TestContext.Current.CancellationToken);

        Assert.Equal(6, result.Findings.Count);
        Assert.All(result.Findings.Take(5), f => Assert.Equal(SpacePacketFindingCodes.SequenceGap, f.Code));
        var capped = result.Findings[5];
        Assert.Equal((TelemetryFindingCodes.Capped, "byte 96, packet 6"), (capped.Code, capped.Location));
        Assert.Equal("2 more 'space-packet.sequence-gap' findings are not listed (7 in all).", capped.Message);
        Assert.Equal(7, result.Summary.Gaps);
    }

    [Fact]
    public async Task CheckAsync_ReadsThroughASmallBuffer_SameResultAsOneRead()
    {
        var builder = new SpacePacketBuilder();
        for (var i = 0; i < 200; i++)
        {
            builder.Packet(apid: 42, sequenceCount: i == 150 ? 151 : i, dataBytes: 1 + i % 37);
        }

        var result = await Check(new SpacePacketCheckOptions { ReadBufferBytes = 4096 })
            .CheckAsync(new ForwardOnlyStream(builder.ToArray()), TestContext.Current.CancellationToken);

        Assert.Equal([SpacePacketFindingCodes.SequenceGap, SpacePacketFindingCodes.SequenceRepeat], result.Findings.Select(f => f.Code));
        Assert.Equal(200, result.Summary.Packets);
        Assert.Equal(builder.Offset, result.Summary.Bytes);
    }

    [Fact]
    public async Task CheckAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Check().CheckAsync(new SpacePacketBuilder().Packet(1, 0).ToStream(), cancelled.Token));
    }
}
