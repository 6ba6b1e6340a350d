using Microsoft.Extensions.Options;
using Parquet;
using Parquet.Schema;
using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.TimeSeries;

/// <summary>
/// Checks a time series in Apache Parquet with the rules of every time series (strictly increasing timestamps, gaps
/// against the median step, declared value ranges, parseable values). Row groups are read one at a time, and of each
/// only the timestamp column and the columns with a declared range, so memory is bounded by the largest row group.
/// </summary>
/// <remarks>
/// Parquet keeps its schema in a footer at the end of the file, so the stream must be seekable (a file, or a blob
/// opened for reading). Timestamp columns may be TIMESTAMP/DATE logical types or ISO 8601 strings; value columns any
/// numeric type or numeric strings. Only top-level columns are considered.
/// </remarks>
public sealed class ParquetTimeSeriesCheck(IOptions<TimeSeriesCheckOptions> options)
{
    /// <summary>Reads the Parquet file in <paramref name="parquet"/>, which must be seekable.</summary>
    /// <exception cref="ArgumentException"><paramref name="parquet"/> cannot seek.</exception>
    public async Task<TelemetryCheckResult<TimeSeriesSummary>> CheckAsync(
        Stream parquet, TimeSeriesExpectations expectations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parquet);
        ArgumentNullException.ThrowIfNull(expectations);
        if (!parquet.CanSeek)
        {
            throw new ArgumentException("Parquet is read from its footer, so the stream must be seekable.", nameof(parquet));
        }
        var settings = options.Value;
        var findings = new FindingCollector(settings.MaxFindingsPerCode);
        var empty = new TimeSeriesSummary(0, null, null, null, null, 0, 0, []);

        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(parquet, parquetOptions: null, leaveStreamOpen: true, ct);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            findings.Error(TimeSeriesFindingCodes.ParquetUnreadable,
                Invariant($"Not a readable Parquet file: {e.Message}"), "footer");
            return new TelemetryCheckResult<TimeSeriesSummary>(findings.ToList(), empty);
        }

        await using (reader)
        {
            var fields = reader.Schema.Fields.OfType<DataField>().Where(f => !f.IsArray).ToList();
            var names = fields.Select(f => f.Name).ToList();
            var timestampIndex = TimeSeriesColumns.FindTimestamp(names, expectations, settings);
            var timestampField = timestampIndex >= 0 ? fields[timestampIndex] : null;
            if (timestampField is null)
            {
                findings.Error(TimeSeriesFindingCodes.TimestampColumnMissing,
                    Invariant($"No timestamp column: expected {TimeSeriesColumns.ExpectedTimestamp(expectations, settings)}."),
                    "schema");
            }
            var columns = new List<(DataField Field, ColumnTally Tally)>();
            foreach (var (name, range) in expectations.ValueRanges)
            {
                var index = TimeSeriesColumns.IndexOf(names, name);
                if (index < 0)
                {
                    findings.Error(TimeSeriesFindingCodes.ColumnMissing,
                        Invariant($"Column '{name}' has a declared range but is not in the schema."), "schema");
                    continue;
                }
                columns.Add((fields[index], new ColumnTally(fields[index].Name, range)));
            }

            var analyzer = new TimeSeriesAnalyzer(settings, findings, timestampField?.Name, columns.Select(c => c.Tally).ToList(),
                (position, column) => FindingLocation.ParquetCell(position.Row, position.RowGroup, column));
            long rowsBefore = 0;
            try
            {
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    ct.ThrowIfCancellationRequested();
                    rowsBefore += await CheckRowGroupAsync(reader.OpenRowGroupReader(g), g, rowsBefore, timestampField, columns, analyzer, findings, ct);
                }
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                findings.Error(TimeSeriesFindingCodes.ParquetUnreadable,
                    Invariant($"A row group cannot be read: {e.Message}"), Invariant($"row {rowsBefore + 1}"));
            }

            if (rowsBefore == 0)
            {
                findings.Error(TimeSeriesFindingCodes.Empty, "The file has no data row.", "schema");
            }
            var summary = analyzer.Complete(rowsBefore);
            return new TelemetryCheckResult<TimeSeriesSummary>(findings.ToList(), summary);
        }
    }

    /// <summary>Checks one row group; returns its row count.</summary>
    private static async Task<long> CheckRowGroupAsync(
        ParquetRowGroupReader group,
        int groupIndex,
        long rowsBefore,
        DataField? timestampField,
        List<(DataField Field, ColumnTally Tally)> columns,
        TimeSeriesAnalyzer analyzer,
        FindingCollector findings,
        CancellationToken ct)
    {
        var rows = group.RowCount;
        RowPosition At(long i) => new(rowsBefore + i + 1, 0, groupIndex);

        Cell<DateTimeOffset>[]? timestamps = null;
        if (timestampField is not null)
        {
            timestamps = await ParquetCells.ReadTimestampsAsync(group, timestampField, ct);
            if (timestamps is null)
            {
                findings.Error(TimeSeriesFindingCodes.ColumnType,
                    Invariant($"Column '{timestampField.Name}' holds {timestampField.ClrType.Name}; timestamps need a TIMESTAMP or DATE type or ISO 8601 text."),
                    FindingLocation.ParquetCell(rowsBefore + 1, groupIndex, timestampField.Name));
            }
        }
        var values = new List<(ColumnTally Tally, Cell<double>[] Cells)>();
        foreach (var (field, tally) in columns)
        {
            var cells = await ParquetCells.ReadNumbersAsync(group, field, ct);
            if (cells is null)
            {
                findings.Error(TimeSeriesFindingCodes.ColumnType,
                    Invariant($"Column '{field.Name}' holds {field.ClrType.Name}, not numbers."),
                    FindingLocation.ParquetCell(rowsBefore + 1, groupIndex, field.Name));
                continue;
            }
            values.Add((tally, cells));
        }

        for (long i = 0; i < rows; i++)
        {
            if (timestamps is not null)
            {
                var cell = timestamps[i];
                if (cell.Value is { } timestamp)
                {
                    analyzer.Timestamp(At(i), timestamp);
                }
                else
                {
                    analyzer.TimestampInvalid(At(i), cell.Unparsed ?? "");
                }
            }
            foreach (var (tally, cells) in values)
            {
                var cell = cells[i];
                if (cell.Value is { } value)
                {
                    analyzer.Value(At(i), tally, value);
                }
                else if (cell.Unparsed is { } text)
                {
                    analyzer.ValueInvalid(At(i), tally, text);
                }
                else
                {
                    tally.Missing++;
                }
            }
        }
        return rows;
    }

    /// <summary>What a damaged or foreign file makes the Parquet reader throw; anything else is a bug and propagates.</summary>
    private static bool IsUnreadable(Exception e) =>
        e is ParquetException or Parquet.Meta.Proto.ThriftProtocolException or IOException or InvalidDataException
            or InvalidOperationException or NotSupportedException or ArgumentException or FormatException
            or IndexOutOfRangeException or OverflowException;
}
