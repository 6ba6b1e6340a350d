namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>Facts about a time series for the certification report.</summary>
/// <param name="Rows">Data rows (the CSV header not included).</param>
/// <param name="TimestampColumn">The timestamp column used, or <c>null</c> when none was found.</param>
/// <param name="FirstTimestamp">Timestamp of the first row with a valid one, UTC.</param>
/// <param name="LastTimestamp">Timestamp of the last row with a valid one, UTC.</param>
/// <param name="MedianStep">Median of the positive steps between consecutive timestamps (over the sample, see <see cref="TimeSeriesCheckOptions.MedianSampleSize"/>).</param>
/// <param name="Gaps">Steps longer than <see cref="TimeSeriesCheckOptions.GapFactor"/> times the median.</param>
/// <param name="NonIncreasing">Rows whose timestamp is not after the previous row's.</param>
/// <param name="Columns">One entry per column with a declared range.</param>
public sealed record TimeSeriesSummary(
    long Rows,
    string? TimestampColumn,
    DateTimeOffset? FirstTimestamp,
    DateTimeOffset? LastTimestamp,
    TimeSpan? MedianStep,
    long Gaps,
    long NonIncreasing,
    IReadOnlyList<ColumnSummary> Columns);
