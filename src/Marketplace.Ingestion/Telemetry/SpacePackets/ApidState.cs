namespace Marketplace.Ingestion.Telemetry.SpacePackets;

/// <summary>Running state of one APID while a stream is read.</summary>
internal sealed class ApidState(int apid)
{
    public int Apid { get; } = apid;

    public long Packets { get; set; }

    public long Bytes { get; set; }

    public int FirstSequenceCount { get; set; } = -1;

    public int LastSequenceCount { get; set; } = -1;

    public long Gaps { get; set; }

    public long MissingPackets { get; set; }

    public long Repeats { get; set; }

    public long Regressions { get; set; }

    /// <summary>Whether a first segment was seen and its last segment not yet (§4.1.3.4.2).</summary>
    public bool InSegmentedGroup { get; set; }

    public ApidSummary ToSummary() => new(
        Apid, Packets, Bytes, FirstSequenceCount, LastSequenceCount, Gaps, MissingPackets, Repeats, Regressions);
}
