using System.Globalization;
using Microsoft.Extensions.Options;
using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>
/// Checks a time series in CSV (RFC 4180, header row required), read sequentially record by record with bounded
/// memory: the CSV syntax, then the rules of every time series (strictly increasing timestamps, gaps against the
/// median step, declared value ranges, parseable values).
/// </summary>
public sealed class CsvTimeSeriesCheck(IOptions<TimeSeriesCheckOptions> options)
{
    /// <summary>Reads <paramref name="csv"/> (UTF-8) from its current position to its end.</summary>
    public async Task<TelemetryCheckResult<TimeSeriesSummary>> CheckAsync(
        Stream csv, TimeSeriesExpectations expectations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(expectations);
        var settings = options.Value;
        var findings = new FindingCollector(settings.MaxFindingsPerCode);
        long reading = 0; // the record being read: 0 is the header, then data rows from 1
        using var text = BoundedLineReader.OpenText(csv);
        var records = new CsvRecordReader(text, settings.MaxFieldLength, settings.MaxColumns,
            (code, message, line) => findings.Error(code, message,
                reading == 0 ? FindingLocation.Line(line) : FindingLocation.CsvRow(line, reading)));
        var fields = new List<string>();

        if (!await records.ReadRecordAsync(fields, ct))
        {
            findings.Error(TimeSeriesFindingCodes.CsvHeaderMissing, "The file is empty; a header row is required.", FindingLocation.Line(1));
            return Result(findings, new TimeSeriesSummary(0, null, null, null, null, 0, 0, []));
        }
        var header = fields.Select(f => f.Trim()).ToList();
        var headerLine = records.RecordLine;
        var timestampIndex = TimeSeriesColumns.FindTimestamp(header, expectations, settings);
        if (timestampIndex < 0 && LooksLikeData(header))
        {
            findings.Error(TimeSeriesFindingCodes.CsvHeaderMissing,
                "The first row holds data, not column names; a header row is required.", FindingLocation.Line(headerLine));
            return Result(findings, new TimeSeriesSummary(0, null, null, null, null, 0, 0, []));
        }
        CheckHeader(header, headerLine, findings);
        var timestampColumn = timestampIndex >= 0 ? header[timestampIndex] : null;
        if (timestampColumn is null)
        {
            findings.Error(TimeSeriesFindingCodes.TimestampColumnMissing,
                Invariant($"No timestamp column: expected {TimeSeriesColumns.ExpectedTimestamp(expectations, settings)}."),
                FindingLocation.Line(headerLine));
        }
        var columns = new List<(int Index, ColumnTally Tally)>();
        foreach (var (name, range) in expectations.ValueRanges)
        {
            var index = TimeSeriesColumns.IndexOf(header, name);
            if (index < 0)
            {
                findings.Error(TimeSeriesFindingCodes.ColumnMissing,
                    Invariant($"Column '{name}' has a declared range but is not in the header."), FindingLocation.Line(headerLine));
                continue;
            }
            columns.Add((index, new ColumnTally(header[index], range)));
        }

        var analyzer = new TimeSeriesAnalyzer(settings, findings, timestampColumn, columns.Select(c => c.Tally).ToList(),
            (position, column) => FindingLocation.CsvCell(position.Line, position.Row, column));
        long row = 0;
        for (reading = 1; await records.ReadRecordAsync(fields, ct); reading++)
        {
            row = reading;
            var position = new RowPosition(row, records.RecordLine, 0);
            if (records.FieldCount != header.Count)
            {
                findings.Error(TimeSeriesFindingCodes.CsvFieldCount,
                    Invariant($"The row has {records.FieldCount} fields; the header has {header.Count}."),
                    FindingLocation.CsvRow(records.RecordLine, row));
            }
            if (timestampIndex >= 0 && timestampIndex < fields.Count)
            {
                if (Timestamps.TryParse(fields[timestampIndex], out var timestamp))
                {
                    analyzer.Timestamp(position, timestamp);
                }
                else
                {
                    analyzer.TimestampInvalid(position, fields[timestampIndex].Trim());
                }
            }
            foreach (var (index, tally) in columns)
            {
                var cell = index < fields.Count ? fields[index].Trim() : "";
                if (cell.Length == 0)
                {
                    tally.Missing++;
                }
                else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    analyzer.Value(position, tally, value);
                }
                else
                {
                    analyzer.ValueInvalid(position, tally, cell);
                }
            }
        }

        if (row == 0)
        {
            findings.Error(TimeSeriesFindingCodes.Empty, "The file has a header but no data row.", FindingLocation.Line(headerLine));
        }
        var summary = analyzer.Complete(row);
        return Result(findings, summary);
    }

    private static void CheckHeader(List<string> header, long line, FindingCollector findings)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in header.Where(name => !seen.Add(name)))
        {
            findings.Error(TimeSeriesFindingCodes.CsvHeaderDuplicate,
                Invariant($"Column '{name}' is named twice in the header."), FindingLocation.Line(line));
        }
    }

    /// <summary>A first row whose first cell is a timestamp or a number holds data, not column names.</summary>
    private static bool LooksLikeData(List<string> firstRow) =>
        firstRow.Count > 0
        && (Timestamps.TryParse(firstRow[0], out _)
            || double.TryParse(firstRow[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    private static TelemetryCheckResult<TimeSeriesSummary> Result(FindingCollector findings, TimeSeriesSummary summary) =>
        new(findings.ToList(), summary);
}
