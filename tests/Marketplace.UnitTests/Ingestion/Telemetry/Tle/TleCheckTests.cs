using System.Text;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Telemetry.Tle;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Ingestion.Telemetry.Tle;

public sealed class TleCheckTests
{
    // The ISS element set published with epoch 2008-09-20 12:25:40 UTC (day 264.51782528), as quoted on Wikipedia's
    // "Two-line element set" page; both checksums are 7.
    private const string Title = "ISS (ZARYA)";
    private const string Line1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927";
    private const string Line2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537";

    private static readonly DateTimeOffset Epoch = new DateTimeOffset(2008, 9, 20, 12, 25, 40, TimeSpan.Zero).AddTicks(1_041_920);
    private static readonly DateTimeOffset DayAfterEpoch = new(2008, 9, 21, 0, 0, 0, TimeSpan.Zero);

    private static TleCheck Check(DateTimeOffset now, TleCheckOptions? options = null) =>
        new(Options.Create(options ?? new TleCheckOptions()), new FixedClock(now));

    private static MemoryStream File(params string[] lines) => new(Encoding.ASCII.GetBytes(string.Join("\n", lines) + "\n"));

    /// <summary>Replaces columns <paramref name="first"/>.. of a line with <paramref name="text"/> and rewrites its checksum.</summary>
    private static string Edit(string line, int first, string text)
    {
        var edited = line[..(first - 1)] + text + line[(first - 1 + text.Length)..];
        return WithChecksum(edited);
    }

    private static string WithChecksum(string line)
    {
        var sum = line[..68].Sum(c => c == '-' ? 1 : char.IsAsciiDigit(c) ? c - '0' : 0);
        return line[..68] + (char)('0' + sum % 10);
    }

    [Fact]
    public async Task CheckAsync_PublishedIssElementSet_HasNoFindings()
    {
        var result = await Check(DayAfterEpoch).CheckAsync(File(Title, Line1, Line2), TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        Assert.True(result.Passed);
        Assert.Equal(new TleSummary(1, 1, Epoch, Epoch, 3), result.Summary);
    }

    [Fact]
    public async Task CheckAsync_OneDigitAltered_ReportsTheChecksumOfThatLine()
    {
        var altered = Line2.Replace(" 51.6416 ", " 51.6426 ", StringComparison.Ordinal);

        var result = await Check(DayAfterEpoch).CheckAsync(File(Title, Line1, altered), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.Checksum, "line 3, column 69", FindingSeverity.Error), (finding.Code, finding.Location, finding.Severity));
        Assert.Equal("Checksum column reads '7'; the modulo-10 sum of columns 1-68 is 8.", finding.Message);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task CheckAsync_MinusSignCountsOne_InTheChecksum()
    {
        // Dropping the '-' of the first derivative lowers the sum by one.
        var altered = Line1.Replace("-.00002182", " .00002182", StringComparison.Ordinal);

        var result = await Check(DayAfterEpoch).CheckAsync(File(altered, Line2), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.Checksum, "line 1, column 69"), (finding.Code, finding.Location));
        Assert.EndsWith("is 6.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_EpochOlderThanMaxAge_IsAStaleWarning()
    {
        var result = await Check(Epoch.AddDays(45)).CheckAsync(File(Line1, Line2), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.EpochStale, "line 1, columns 19-32", FindingSeverity.Warning), (finding.Code, finding.Location, finding.Severity));
        Assert.True(result.Passed);
    }

    [Fact]
    public async Task CheckAsync_NoMaxAge_AcceptsOldEpochs()
    {
        var result = await Check(Epoch.AddYears(15), new TleCheckOptions { MaxEpochAge = null })
            .CheckAsync(File(Line1, Line2), TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task CheckAsync_EpochAfterNow_IsAFutureWarning()
    {
        var result = await Check(Epoch.AddHours(-1)).CheckAsync(File(Line1, Line2), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.EpochFuture, "line 1, columns 19-32"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_DayOfYearPastTheYear_IsAnInvalidEpoch()
    {
        var line1 = Edit(Line1, 19, "07366");

        var result = await Check(DayAfterEpoch).CheckAsync(File(line1, Line2), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.EpochInvalid, "line 1, columns 19-32"), (finding.Code, finding.Location));
        Assert.Null(result.Summary.EarliestEpoch);
    }

    [Fact]
    public async Task CheckAsync_CatalogNumbersDiffer_ReportsLine2()
    {
        var line2 = Edit(Line2, 3, "25545");

        var result = await Check(DayAfterEpoch).CheckAsync(File(Title, Line1, line2), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.CatalogMismatch, "line 3, columns 3-7"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_ShortLine_ReportsItsLengthAndSkipsItsColumns()
    {
        var result = await Check(DayAfterEpoch).CheckAsync(File(Title, Line1[..60], Line2), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.LineLength, "line 2"), (finding.Code, finding.Location));
        Assert.Equal("The line has 60 characters; TLE lines have 69.", finding.Message);
        Assert.Equal(1, result.Summary.ElementSets);
    }

    [Fact]
    public async Task CheckAsync_TrailingSpaces_AreIgnored()
    {
        var result = await Check(DayAfterEpoch).CheckAsync(File(Line1 + "   ", Line2 + "\r"), TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task CheckAsync_Line2Missing_ReportsTheLineNumberSequence()
    {
        var result = await Check(DayAfterEpoch).CheckAsync(
            File(Title, Line1, Title, Line1, Line2, Line2), TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (TleFindingCodes.LineNumber, "line 3"),   // a title where line 2 should be
                (TleFindingCodes.LineNumber, "line 6"),   // a line 2 without line 1
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
        Assert.Equal(1, result.Summary.ElementSets);
    }

    [Fact]
    public async Task CheckAsync_FileEndsAfterLine1_ReportsTheMissingLine2()
    {
        var result = await Check(DayAfterEpoch).CheckAsync(File(Title, Line1), TestContext.Current.CancellationToken);

        Assert.Equal(
            [(TleFindingCodes.LineNumber, "line 2"), (TleFindingCodes.Empty, "line 1")],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_ValuesOutOfRange_ReportEachField()
    {
        var line2 = Edit(Edit(Edit(Line2, 9, "181.6416"), 27, "9950000"), 53, "18.72125391");

        var result = await Check(DayAfterEpoch).CheckAsync(File(Line1, line2), TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (TleFindingCodes.AngleRange, "line 2, columns 9-16"),
                (TleFindingCodes.EccentricityRange, "line 2, columns 27-33"),
                (TleFindingCodes.MeanMotionRange, "line 2, columns 53-63"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_MalformedFields_ReportEachField()
    {
        var line1 = Edit(Edit(Line1, 8, "X"), 54, "-1160X-4");

        var result = await Check(DayAfterEpoch).CheckAsync(File(line1, Line2), TestContext.Current.CancellationToken);

        Assert.Equal(
            [(TleFindingCodes.FieldFormat, "line 1, column 8"), (TleFindingCodes.FieldFormat, "line 1, columns 54-61")],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_SeveralSets_SummarisesObjectsAndEpochRange()
    {
        var other1 = Edit(Edit(Line1, 3, "25545"), 19, "08266.00000000");
        var other2 = Edit(Line2, 3, "25545");

        var result = await Check(DayAfterEpoch.AddDays(2)).CheckAsync(
            File("0 ISS (ZARYA)", Line1, Line2, other1, other2, Line1, Line2), TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        Assert.Equal(3, result.Summary.ElementSets);
        Assert.Equal(2, result.Summary.Objects);
        Assert.Equal(Epoch, result.Summary.EarliestEpoch);
        Assert.Equal(new DateTimeOffset(2008, 9, 22, 0, 0, 0, TimeSpan.Zero), result.Summary.LatestEpoch);
    }

    [Fact]
    public async Task CheckAsync_AlphaFiveCatalogNumber_IsAccepted()
    {
        var line1 = Edit(Line1, 3, "A0001");
        var line2 = Edit(Line2, 3, "A0001");

        var result = await Check(DayAfterEpoch).CheckAsync(File(line1, line2), TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task CheckAsync_EmptyFile_HasNoElementSet()
    {
        var result = await Check(DayAfterEpoch).CheckAsync(new MemoryStream(), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.Empty, "line 1"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_VeryLongLine_IsCutAndReported()
    {
        var result = await Check(DayAfterEpoch, new TleCheckOptions { MaxLineLength = 100 })
            .CheckAsync(File("1 " + new string('9', 10_000), Line2), TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TleFindingCodes.LineLength, "line 1"), (finding.Code, finding.Location));
        Assert.Equal("The line has more than 100 characters; TLE lines have 69.", finding.Message);
    }
}
