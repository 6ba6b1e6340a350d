using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Telemetry.TimeSeries;
using Microsoft.Extensions.Options;
using Parquet;
using Parquet.Schema;

namespace Marketplace.UnitTests.Ingestion.Telemetry.TimeSeries;

public sealed class ParquetTimeSeriesCheckTests
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly TimeSeriesExpectations Ranges = new()
    {
        ValueRanges = new Dictionary<string, ValueRange>
        {
            ["temperature"] = new(-40, 85),
            ["voltage"] = new(0, 15),
            ["pressure"] = new(900, 1100),
        },
    };

    private static ParquetTimeSeriesCheck Check() => new(Options.Create(new TimeSeriesCheckOptions()));

    /// <summary>Ten rows in two row groups of five, in memory; the defects of the CSV test at the same rows.</summary>
    private static async Task<MemoryStream> WriteAsync(bool withDefects, CancellationToken ct)
    {
        var seconds = withDefects
            ? new[] { 0, 60, 120, 90, 150, 210, 810, 870, 930, 990 }  // row 4 goes back, row 7 is 10 minutes after row 6
            : [0, 60, 120, 180, 240, 300, 360, 420, 480, 540];
        var time = new DateTimeDataField("time", DateTimeFormat.Timestamp);
        var temperature = new DataField<double?>("temperature");
        var voltage = new DataField<double>("voltage");
        var pressure = new DataField<string>("pressure");
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(time, temperature, voltage, pressure), stream, null, false, ct))
        {
            for (var group = 0; group < 2; group++)
            {
                var rows = Enumerable.Range(group * 5, 5).ToArray();
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync<DateTime>(time, rows.Select(r => Start.AddSeconds(seconds[r])).ToArray(), null, null, ct);
                await rowGroup.WriteAsync<double>(temperature, rows.Select(r => r == 4 ? null : (double?)(20.5 + r * 0.1)).ToArray(), null, null, ct);
                await rowGroup.WriteAsync<double>(voltage, rows.Select(r => withDefects && r == 8 ? 99.0 : 12.0).ToArray(), null, null, ct);
                await rowGroup.WriteAsync(pressure, rows.Select(r => withDefects && r == 9 ? "n/a" : "1013.25").ToArray(), null);
            }
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task CheckAsync_CleanFile_HasNoFindings()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await Check().CheckAsync(await WriteAsync(withDefects: false, ct), Ranges, ct);

        Assert.Empty(result.Findings);
        var summary = result.Summary;
        Assert.Equal((10L, "time", TimeSpan.FromMinutes(1)), (summary.Rows, summary.TimestampColumn, summary.MedianStep));
        Assert.Equal(new DateTimeOffset(Start.AddMinutes(9)), summary.LastTimestamp);
        var temperature = Assert.Single(summary.Columns, c => c.Name == "temperature");
        Assert.Equal((9L, 1L), (temperature.Values, temperature.Missing));
    }

    [Fact]
    public async Task CheckAsync_FileWithTheCsvDefects_ReportsEachCellAndItsRowGroup()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await Check().CheckAsync(await WriteAsync(withDefects: true, ct), Ranges, ct);

        Assert.Equal(
            [
                (TimeSeriesFindingCodes.TimestampNotIncreasing, "row 4, row group 0, column 'time'", FindingSeverity.Error),
                (TimeSeriesFindingCodes.ValueOutOfRange, "row 9, row group 1, column 'voltage'", FindingSeverity.Error),
                (TimeSeriesFindingCodes.ValueInvalid, "row 10, row group 1, column 'pressure'", FindingSeverity.Error),
                (TimeSeriesFindingCodes.Gap, "row 7, row group 1, column 'time'", FindingSeverity.Warning),
            ],
            result.Findings.Select(f => (f.Code, f.Location, f.Severity)));
        Assert.Equal(
            "Gap of 00:10:00 between 2024-01-01T00:03:30Z (row 6) and 2024-01-01T00:13:30Z; the median step is 00:01:00.",
            result.Findings[3].Message);
        Assert.Equal((10L, 1L, 1L), (result.Summary.Rows, result.Summary.Gaps, result.Summary.NonIncreasing));
    }

    [Fact]
    public async Task CheckAsync_MissingColumns_AreReportedAgainstTheSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        var expectations = new TimeSeriesExpectations
        {
            TimestampColumn = "epoch",
            ValueRanges = new Dictionary<string, ValueRange> { ["current"] = new(0, 1) },
        };

        var result = await Check().CheckAsync(await WriteAsync(withDefects: false, ct), expectations, ct);

        Assert.Equal(
            [(TimeSeriesFindingCodes.TimestampColumnMissing, "schema"), (TimeSeriesFindingCodes.ColumnMissing, "schema")],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_NumbersAsTimestamps_IsAColumnTypeError()
    {
        var ct = TestContext.Current.CancellationToken;
        var expectations = new TimeSeriesExpectations { TimestampColumn = "voltage" };

        var result = await Check().CheckAsync(await WriteAsync(withDefects: false, ct), expectations, ct);

        Assert.Equal(
            [
                (TimeSeriesFindingCodes.ColumnType, "row 1, row group 0, column 'voltage'"),
                (TimeSeriesFindingCodes.ColumnType, "row 6, row group 1, column 'voltage'"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_NotParquet_IsUnreadable()
    {
        var bytes = "PAR1 this is not a parquet footer PAR1"u8.ToArray();

        var result = await Check().CheckAsync(new MemoryStream(bytes), TimeSeriesExpectations.None, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TimeSeriesFindingCodes.ParquetUnreadable, "footer"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_StreamThatCannotSeek_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var forwardOnly = new ForwardOnlyStream((await WriteAsync(withDefects: false, ct)).ToArray(), chunk: 4096);

        await Assert.ThrowsAsync<ArgumentException>(() => Check().CheckAsync(forwardOnly, TimeSeriesExpectations.None, ct));
    }
}
