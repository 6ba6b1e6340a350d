using System.Text;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Telemetry.TimeSeries;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Ingestion.Telemetry.TimeSeries;

public sealed class CsvTimeSeriesCheckTests
{
    private static readonly TimeSeriesExpectations Ranges = new()
    {
        ValueRanges = new Dictionary<string, ValueRange>
        {
            ["temperature"] = new(-40, 85),
            ["voltage"] = new(0, 15),
        },
    };

    private static CsvTimeSeriesCheck Check(TimeSeriesCheckOptions? options = null) =>
        new(Options.Create(options ?? new TimeSeriesCheckOptions()));

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));

    [Fact]
    public async Task CheckAsync_CleanSeries_HasNoFindings()
    {
        var csv = Csv(
            "time,temperature,voltage",
            "2024-01-01T00:00:00Z,20.5,12.0",
            "2024-01-01T00:01:00Z,20.6,12.1",
            "2024-01-01T00:02:00Z,,12.0",
            "2024-01-01T00:03:00Z,20.8,12.2");

        var result = await Check().CheckAsync(csv, Ranges, TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        var summary = result.Summary;
        Assert.Equal((4L, "time", TimeSpan.FromMinutes(1), 0L, 0L), (summary.Rows, summary.TimestampColumn, summary.MedianStep, summary.Gaps, summary.NonIncreasing));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), summary.FirstTimestamp);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 3, 0, TimeSpan.Zero), summary.LastTimestamp);
        Assert.Equal(
            [new ColumnSummary("temperature", 3, 1, 0, 0, 20.5, 20.8), new ColumnSummary("voltage", 4, 0, 0, 0, 12.0, 12.2)],
            summary.Columns.OrderBy(c => c.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_NonMonotonicGapOutOfRangeAndUnparseable_ReportsEachCell()
    {
        var csv = Csv(
            "time,temperature,voltage",         // line 1
            "2024-01-01T00:00:00Z,20.5,12.0",   // row 1
            "2024-01-01T00:01:00Z,20.6,12.1",   // row 2
            "2024-01-01T00:02:00Z,20.7,12.0",   // row 3
            "2024-01-01T00:01:30Z,20.8,12.2",   // row 4: earlier than row 3
            "2024-01-01T00:02:30Z,20.9,12.1",   // row 5
            "2024-01-01T00:03:30Z,21.0,12.0",   // row 6
            "2024-01-01T00:13:30Z,21.1,12.1",   // row 7: ten minutes after row 6
            "2024-01-01T00:14:30Z,21.2,12.0",   // row 8
            "2024-01-01T00:15:30Z,21.3,99.0",   // row 9: voltage above 15
            "2024-01-01T00:16:30Z,n/a,12.0",    // row 10: not a number
            "yesterday,21.4,12.0");             // row 11: not a timestamp

        var result = await Check().CheckAsync(csv, Ranges, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (TimeSeriesFindingCodes.TimestampNotIncreasing, "line 5, row 4, column 'time'", FindingSeverity.Error),
                (TimeSeriesFindingCodes.ValueOutOfRange, "line 10, row 9, column 'voltage'", FindingSeverity.Error),
                (TimeSeriesFindingCodes.ValueInvalid, "line 11, row 10, column 'temperature'", FindingSeverity.Error),
                (TimeSeriesFindingCodes.TimestampInvalid, "line 12, row 11, column 'time'", FindingSeverity.Error),
                (TimeSeriesFindingCodes.Gap, "line 8, row 7, column 'time'", FindingSeverity.Warning),
            ],
            result.Findings.Select(f => (f.Code, f.Location, f.Severity)));
        Assert.Equal("Timestamp 2024-01-01T00:01:30Z is not after 2024-01-01T00:02:00Z of row 3; timestamps must increase.", result.Findings[0].Message);
        Assert.Equal("99 is outside the declared range 0 … 15.", result.Findings[1].Message);
        Assert.Equal(
            "Gap of 00:10:00 between 2024-01-01T00:03:30Z (row 6) and 2024-01-01T00:13:30Z; the median step is 00:01:00.",
            result.Findings[4].Message);
        Assert.Equal((11L, 1L, 1L, TimeSpan.FromMinutes(1)), (result.Summary.Rows, result.Summary.Gaps, result.Summary.NonIncreasing, result.Summary.MedianStep));
    }

    [Fact]
    public async Task CheckAsync_QuotedFieldsSpanningLines_LocateRowsByTheirFirstLine()
    {
        var csv = Csv(
            "timestamp,voltage,note",
            "2024-01-01T00:00:00Z,12.0,\"calm, \"\"nominal\"\"",
            "second line of the note\"",
            "2024-01-01T00:01:00Z,16.5,plain");

        var result = await Check().CheckAsync(csv, Ranges, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (TimeSeriesFindingCodes.ColumnMissing, "line 1"),
                (TimeSeriesFindingCodes.ValueOutOfRange, "line 4, row 2, column 'voltage'"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
        Assert.Equal("timestamp", result.Summary.TimestampColumn);
        Assert.Equal(2, result.Summary.Rows);
    }

    [Fact]
    public async Task CheckAsync_NamedTimestampColumn_IsUsedInsteadOfTheDefaults()
    {
        var csv = Csv("epoch_utc,value", "2024-01-01 00:00:00,1", "2024-01-01 00:00:10,2", "2024-01-01 00:00:05,3");

        var result = await Check().CheckAsync(csv, new TimeSeriesExpectations { TimestampColumn = "EPOCH_UTC" }, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TimeSeriesFindingCodes.TimestampNotIncreasing, "line 4, row 3, column 'epoch_utc'"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_RowsWithWrongFieldCountAndBadQuotes_ReportTheSyntax()
    {
        var csv = Csv(
            "time,voltage",
            "2024-01-01T00:00:00Z,12.0,extra",
            "2024-01-01T00:01:00Z,1\"2",
            "2024-01-01T00:02:00Z,\"12\"x",
            "2024-01-01T00:03:00Z,\"12");

        var result = await Check().CheckAsync(csv, TimeSeriesExpectations.None, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (TimeSeriesFindingCodes.CsvFieldCount, "line 2, row 1"),
                (TimeSeriesFindingCodes.CsvQuoteInvalid, "line 3, row 2"),
                (TimeSeriesFindingCodes.CsvQuoteInvalid, "line 4, row 3"),
                (TimeSeriesFindingCodes.CsvQuoteUnterminated, "line 5, row 4"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_FirstRowIsData_ReportsTheMissingHeader()
    {
        var result = await Check().CheckAsync(
            Csv("2024-01-01T00:00:00Z,12.0", "2024-01-01T00:01:00Z,12.1"), TimeSeriesExpectations.None, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TimeSeriesFindingCodes.CsvHeaderMissing, "line 1"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_HeaderWithoutTimestampOrRows_ReportsBoth()
    {
        var result = await Check().CheckAsync(Csv("when,value,Value"), TimeSeriesExpectations.None, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (TimeSeriesFindingCodes.CsvHeaderDuplicate, "line 1"),
                (TimeSeriesFindingCodes.TimestampColumnMissing, "line 1"),
                (TimeSeriesFindingCodes.Empty, "line 1"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_EmptyFile_ReportsTheMissingHeader()
    {
        var result = await Check().CheckAsync(new MemoryStream(), TimeSeriesExpectations.None, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TimeSeriesFindingCodes.CsvHeaderMissing, "line 1"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_MedianFromTheFirstSteps_JudgesEarlierStepsOnceKnown()
    {
        // A gap before the median is known is still found once the sample is complete.
        var lines = new List<string> { "time,value", "2024-01-01T00:00:00Z,1", "2024-01-01T01:00:00Z,1" };
        var start = new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 20; i++)
        {
            lines.Add($"{start.AddSeconds(i):yyyy-MM-ddTHH:mm:ssZ},1");
        }

        var result = await Check(new TimeSeriesCheckOptions { MedianSampleSize = 5 })
            .CheckAsync(Csv([.. lines]), TimeSeriesExpectations.None, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TimeSeriesFindingCodes.Gap, "line 3, row 2, column 'time'"), (finding.Code, finding.Location));
        Assert.Equal(TimeSpan.FromSeconds(1), result.Summary.MedianStep);
    }

    [Fact]
    public async Task CheckAsync_ConfiguredTimestampColumns_ReplaceTheDefaults()
    {
        var csv = Csv("time,utc", "not a time,2024-01-01T00:00:00Z", "still not,2024-01-01T00:00:01Z");

        var result = await Check(new TimeSeriesCheckOptions { TimestampColumns = ["utc"] })
            .CheckAsync(csv, TimeSeriesExpectations.None, TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        Assert.Equal("utc", result.Summary.TimestampColumn);
    }
}
