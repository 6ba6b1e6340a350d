using System.Globalization;
using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>
/// The rules every time series follows, whatever its file format, fed row by row: timestamps strictly increase; a
/// step longer than <see cref="TimeSeriesCheckOptions.GapFactor"/> times the median step is a gap; values of columns
/// with a declared range are numbers inside it.
/// </summary>
/// <remarks>
/// The median is taken over the first <see cref="TimeSeriesCheckOptions.MedianSampleSize"/> positive steps; those
/// steps wait in a buffer until it is known and are then judged like all later ones, so memory is bounded by the
/// sample size, not by the length of the series.
/// </remarks>
internal sealed class TimeSeriesAnalyzer(
    TimeSeriesCheckOptions settings,
    FindingCollector findings,
    string? timestampColumn,
    IReadOnlyList<ColumnTally> columns,
    Func<RowPosition, string, string> locate)
{
    private readonly List<PendingStep> _pending = [];
    private readonly List<long> _sample = [];
    private long? _medianTicks;
    private DateTimeOffset? _first;
    private DateTimeOffset? _previous;
    private RowPosition _previousRow;
    private long _gaps;
    private long _nonIncreasing;

    public void Timestamp(RowPosition row, DateTimeOffset timestamp)
    {
        _first ??= timestamp;
        if (_previous is { } previous)
        {
            if (timestamp <= previous)
            {
                _nonIncreasing++;
                findings.Error(TimeSeriesFindingCodes.TimestampNotIncreasing,
                    Invariant($"Timestamp {Timestamps.Format(timestamp)} is not after {Timestamps.Format(previous)} of row {_previousRow.Row}; timestamps must increase."),
                    locate(row, timestampColumn!));
            }
            else
            {
                Step(new PendingStep(_previousRow, previous, row, timestamp));
            }
        }
        _previous = timestamp;
        _previousRow = row;
    }

    public void TimestampInvalid(RowPosition row, string text) =>
        findings.Error(TimeSeriesFindingCodes.TimestampInvalid,
            text.Length == 0
                ? "The timestamp is empty."
                : Invariant($"'{text}' is not an ISO 8601 timestamp (e.g. 2024-01-31T12:00:00Z)."),
            locate(row, timestampColumn!));

    public void Value(RowPosition row, ColumnTally column, double value)
    {
        if (double.IsNaN(value))
        {
            column.Missing++;
            return;
        }
        column.Values++;
        column.Min = column.Min is { } min ? Math.Min(min, value) : value;
        column.Max = column.Max is { } max ? Math.Max(max, value) : value;
        if (!column.Range.Contains(value))
        {
            column.OutOfRange++;
            findings.Error(TimeSeriesFindingCodes.ValueOutOfRange,
                Invariant($"{value.ToString("R", CultureInfo.InvariantCulture)} is outside the declared range {column.Range.Min} … {column.Range.Max}."),
                locate(row, column.Name));
        }
    }

    public void ValueInvalid(RowPosition row, ColumnTally column, string text)
    {
        column.Invalid++;
        findings.Error(TimeSeriesFindingCodes.ValueInvalid, Invariant($"'{text}' is not a number."), locate(row, column.Name));
    }

    public TimeSeriesSummary Complete(long rows)
    {
        if (_medianTicks is null && _sample.Count > 0)
        {
            FixMedian();
        }
        return new TimeSeriesSummary(
            rows,
            timestampColumn,
            _first,
            _previous,
            _medianTicks is { } ticks ? TimeSpan.FromTicks(ticks) : null,
            _gaps,
            _nonIncreasing,
            columns.Select(c => c.ToSummary()).ToList());
    }

    private void Step(PendingStep step)
    {
        if (_medianTicks is null)
        {
            _pending.Add(step);
            _sample.Add(step.Ticks);
            if (_sample.Count >= settings.MedianSampleSize)
            {
                FixMedian();
            }
            return;
        }
        Judge(step);
    }

    private void FixMedian()
    {
        _sample.Sort();
        var middle = _sample.Count / 2;
        _medianTicks = _sample.Count % 2 == 1 ? _sample[middle] : (_sample[middle - 1] + _sample[middle]) / 2;
        _sample.Clear();
        foreach (var step in _pending)
        {
            Judge(step);
        }
        _pending.Clear();
    }

    private void Judge(PendingStep step)
    {
        var median = _medianTicks!.Value;
        if (step.Ticks <= settings.GapFactor * median)
        {
            return;
        }
        _gaps++;
        findings.Warning(TimeSeriesFindingCodes.Gap,
            Invariant($"Gap of {TimeSpan.FromTicks(step.Ticks):c} between {Timestamps.Format(step.Previous)} (row {step.PreviousRow.Row}) and {Timestamps.Format(step.Current)}; the median step is {TimeSpan.FromTicks(median):c}."),
            locate(step.Row, timestampColumn!));
    }

    private readonly record struct PendingStep(RowPosition PreviousRow, DateTimeOffset Previous, RowPosition Row, DateTimeOffset Current)
    {
        public long Ticks => (Current - Previous).Ticks;
    }
}
