namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>
/// What the caller knows about a time series, typically from the item's metadata: which column holds the timestamps
/// (<c>null</c>: the first of <see cref="TimeSeriesCheckOptions.TimestampColumns"/> present) and the declared value
/// range of columns (column name, matched ignoring case → min/max).
/// </summary>
public sealed record TimeSeriesExpectations
{
    public static TimeSeriesExpectations None { get; } = new();

    public string? TimestampColumn { get; init; }

    public IReadOnlyDictionary<string, ValueRange> ValueRanges { get; init; } = new Dictionary<string, ValueRange>();
}
