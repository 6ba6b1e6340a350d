namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>One OEM segment while its ephemeris lines are read: the span its metadata declares and what the lines covered.</summary>
internal sealed class OemSegment(SourcePosition start)
{
    public SourcePosition Start { get; } = start;

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? StopTime { get; set; }

    public DateTimeOffset? UseableStartTime { get; set; }

    public DateTimeOffset? UseableStopTime { get; set; }

    public long Lines { get; set; }

    public EpochRange Covered { get; } = new();

    public DateTimeOffset? PreviousEpoch { get; set; }

    public string PreviousEpochText { get; set; } = "";

    public SourcePosition PreviousEpochPosition { get; set; }
}
