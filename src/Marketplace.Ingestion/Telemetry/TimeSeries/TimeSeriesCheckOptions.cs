using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>
/// Thresholds of <see cref="CsvTimeSeriesCheck"/> and <see cref="ParquetTimeSeriesCheck"/>
/// (section <c>Ingestion:Telemetry:TimeSeries</c>).
/// </summary>
public sealed class TimeSeriesCheckOptions
{
    public const string Section = "Ingestion:Telemetry:TimeSeries";

    /// <summary>Findings listed per code before the rest are summarised in one finding.</summary>
    [Range(1, 10_000)]
    public int MaxFindingsPerCode { get; set; } = FindingCollector.DefaultMaxPerCode;

    /// <summary>Used when <see cref="TimestampColumns"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultTimestampColumns { get; } = ["time", "timestamp"];

    /// <summary>
    /// Column names tried, in order and ignoring case, when the caller names no timestamp column; empty means
    /// <see cref="DefaultTimestampColumns"/> (a default list here would be appended to, not replaced, by configuration).
    /// </summary>
    public IList<string> TimestampColumns { get; set; } = [];

    internal IReadOnlyList<string> EffectiveTimestampColumns =>
        TimestampColumns.Count > 0 ? [.. TimestampColumns] : DefaultTimestampColumns;

    /// <summary>A step between consecutive timestamps longer than this many times the median step is a gap.</summary>
    [Range(1.0, 1_000_000.0)]
    public double GapFactor { get; set; } = 1.5;

    /// <summary>
    /// The median step is taken over the first this many steps (all of them in a shorter series), so memory stays
    /// bounded however long the series is.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MedianSampleSize { get; set; } = 10_000;

    /// <summary>Longest CSV field read; longer ones are cut and reported.</summary>
    [Range(16, 64 * 1024 * 1024)]
    public int MaxFieldLength { get; set; } = 64 * 1024;

    /// <summary>Most CSV columns read per row; further fields are counted but not kept.</summary>
    [Range(1, 100_000)]
    public int MaxColumns { get; set; } = 4096;
}
