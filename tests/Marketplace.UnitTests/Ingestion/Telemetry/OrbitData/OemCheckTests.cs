using System.Text;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Telemetry.OrbitData;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Ingestion.Telemetry.OrbitData;

public sealed class OemCheckTests
{
    // Modelled on the Mars Global Surveyor example OEM of CCSDS 502.0-B-2: two segments, the second with a covariance.
    private const string ValidKvn = """
        CCSDS_OEM_VERS = 2.0
        CREATION_DATE = 1996-11-04T17:22:31
        ORIGINATOR = NASA/JPL
        META_START
        OBJECT_NAME = MARS GLOBAL SURVEYOR
        OBJECT_ID = 1996-062A
        CENTER_NAME = MARS BARYCENTER
        REF_FRAME = EME2000
        TIME_SYSTEM = UTC
        START_TIME = 1996-12-18T12:00:00.331
        USEABLE_START_TIME = 1996-12-18T12:10:00.331
        USEABLE_STOP_TIME = 1996-12-28T21:23:00.331
        STOP_TIME = 1996-12-28T21:28:00.331
        INTERPOLATION = HERMITE
        INTERPOLATION_DEGREE = 7
        META_STOP
        COMMENT This file was produced by M.R. Somebody, MSOO NAV/JPL, 1996NOV 04.
        1996-12-18T12:00:00.331 2789.619 -280.045 -1746.755 4.73372 -2.49586 -1.04195
        1996-12-18T12:10:00.331 2783.419 -308.143 -1877.071 5.18604 -2.42124 -1.99608
        1996-12-28T21:23:00.331 -3881.024 563.959 -682.773 -3.28827 -3.66735 1.63861
        1996-12-28T21:28:00.331 -3883.003 545.674 -684.474 -3.28346 -3.66933 1.63817
        META_START
        OBJECT_NAME = MARS GLOBAL SURVEYOR
        OBJECT_ID = 1996-062A
        CENTER_NAME = MARS BARYCENTER
        REF_FRAME = EME2000
        TIME_SYSTEM = UTC
        START_TIME = 1996-12-28T21:29:07.267
        STOP_TIME = 1996-12-30T01:28:02.267
        META_STOP
        1996-12-28T21:29:07.267 -2432.166 -063.042 1742.754 7.33702 -3.495867 -1.041945 0.001 0.002 0.003
        1996-12-30T01:28:02.267 2445.234 -878.141 1873.073 1.86043 -3.421256 -0.996366 0.001 0.002 0.003
        COVARIANCE_START
        EPOCH = 1996-12-28T21:29:07.267
        COV_REF_FRAME = EME2000
        3.3313494e-04
        4.6189273e-04 6.7824216e-04
        -3.0700078e-04 -4.2212341e-04 3.2319319e-04
        -3.3493650e-07 -4.6860842e-07 2.4849495e-07 4.2960228e-10
        -2.2118325e-07 -2.8641868e-07 1.7980986e-07 2.6088992e-10 1.7675147e-10
        -3.0413460e-07 -4.9894969e-07 3.5403109e-07 1.8692631e-10 1.0088625e-10 6.2244443e-10
        COVARIANCE_STOP
        """;

    private const string ValidXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oem id="CCSDS_OEM_VERS" version="2.0">
          <header>
            <CREATION_DATE>2024-01-01T00:00:00</CREATION_DATE>
            <ORIGINATOR>EXAMPLE</ORIGINATOR>
          </header>
          <body>
            <segment>
              <metadata>
                <OBJECT_NAME>SAT-1</OBJECT_NAME>
                <OBJECT_ID>2023-001A</OBJECT_ID>
                <CENTER_NAME>EARTH</CENTER_NAME>
                <REF_FRAME>EME2000</REF_FRAME>
                <TIME_SYSTEM>UTC</TIME_SYSTEM>
                <START_TIME>2024-01-01T00:00:00</START_TIME>
                <STOP_TIME>2024-01-01T00:02:00</STOP_TIME>
              </metadata>
              <data>
                <stateVector><EPOCH>2024-01-01T00:00:00</EPOCH><X>7000</X><Y>0</Y><Z>0</Z><X_DOT>0</X_DOT><Y_DOT>7.5</Y_DOT><Z_DOT>0</Z_DOT></stateVector>
                <stateVector><EPOCH>2024-01-01T00:01:00</EPOCH><X>6998</X><Y>450</Y><Z>0</Z><X_DOT>-0.5</X_DOT><Y_DOT>7.5</Y_DOT><Z_DOT>0</Z_DOT></stateVector>
                <stateVector><EPOCH>2024-01-01T00:02:00</EPOCH><X>6990</X><Y>900</Y><Z>0</Z><X_DOT>-1.0</X_DOT><Y_DOT>7.4</Y_DOT><Z_DOT>0</Z_DOT></stateVector>
              </data>
            </segment>
          </body>
        </oem>
        """;

    private static OemCheck Check() => new(Options.Create(new OrbitDataCheckOptions()));

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task CheckAsync_ValidKvnWithTwoSegmentsAndCovariance_HasNoFindings()
    {
        var result = await Check().CheckAsync(Text(ValidKvn), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        var summary = result.Summary;
        Assert.Equal((1, 2, 6, 1), (summary.Messages, summary.Segments, summary.StateVectors, summary.CovarianceMatrices));
        Assert.Equal(new DateTimeOffset(1996, 12, 18, 12, 0, 0, 331, TimeSpan.Zero), summary.EarliestEpoch);
        Assert.Equal(new DateTimeOffset(1996, 12, 30, 1, 28, 2, 267, TimeSpan.Zero), summary.LatestEpoch);
    }

    [Fact]
    public async Task CheckAsync_EpochGoesBack_ReportsTheLineThatIsNotIncreasing()
    {
        var kvn = ValidKvn.Replace(
            "1996-12-28T21:23:00.331 -3881.024", "1996-12-18T12:05:00.331 -3881.024", StringComparison.Ordinal);

        var result = await Check().CheckAsync(Text(kvn), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((OrbitDataFindingCodes.OemEpochNotIncreasing, "line 20", FindingSeverity.Error), (finding.Code, finding.Location, finding.Severity));
        Assert.Equal(
            "Epoch 1996-12-18T12:05:00.331 is not after the previous epoch 1996-12-18T12:10:00.331 (line 19); epochs must increase.",
            finding.Message);
    }

    [Fact]
    public async Task CheckAsync_RepeatedEpoch_IsNotIncreasingEither()
    {
        var kvn = ValidKvn.Replace(
            "1996-12-18T12:10:00.331 2783.419", "1996-12-18T12:00:00.331 2783.419", StringComparison.Ordinal);

        var result = await Check().CheckAsync(Text(kvn), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((OrbitDataFindingCodes.OemEpochNotIncreasing, "line 19"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_BadLinesAndSpans_ReportEachAtItsLine()
    {
        var kvn = ValidKvn
            .Replace("USEABLE_STOP_TIME = 1996-12-28T21:23:00.331", "USEABLE_STOP_TIME = 1996-12-29T00:00:00", StringComparison.Ordinal)
            .Replace("-1746.755 4.73372 -2.49586 -1.04195", "-1746.755 4.73372 -2.49586", StringComparison.Ordinal)
            .Replace("-1877.071 5.18604", "-1877.071 fast", StringComparison.Ordinal)
            .Replace("1996-12-30T01:28:02.267 2445.234", "1996-12-31T01:28:02.267 2445.234", StringComparison.Ordinal)
            .Replace("OBJECT_ID = 1996-062A\nCENTER_NAME = MARS BARYCENTER\nREF_FRAME = EME2000\nTIME_SYSTEM = UTC\nSTART_TIME = 1996-12-28",
                "CENTER_NAME = MARS BARYCENTER\nREF_FRAME = EME2000\nTIME_SYSTEM = UTC\nSTART_TIME = 1996-12-28", StringComparison.Ordinal);

        var result = await Check().CheckAsync(Text(kvn), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (OrbitDataFindingCodes.OemTimeSpanInvalid, "line 16"),      // USEABLE_STOP_TIME after STOP_TIME
                (OrbitDataFindingCodes.OemEphemerisLine, "line 18"),        // 6 values
                (OrbitDataFindingCodes.OemEphemerisLine, "line 19"),        // 'fast'
                (OrbitDataFindingCodes.OemUseableNotCovered, "line 22"),
                (OrbitDataFindingCodes.KeywordMissing, "line 29"),          // OBJECT_ID of segment 2
                (OrbitDataFindingCodes.OemEpochOutsideSpan, "line 31"),     // after STOP_TIME
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
        Assert.Equal("The line has 6 values; an ephemeris line is an epoch and 6 numbers (position, velocity) or 9 (and acceleration).",
            result.Findings[1].Message);
    }

    [Fact]
    public async Task CheckAsync_UnterminatedBlocks_AreReported()
    {
        var noMetaStop = ValidKvn[..ValidKvn.IndexOf("META_STOP", StringComparison.Ordinal)];
        var noCovarianceStop = ValidKvn.Replace("COVARIANCE_STOP", "", StringComparison.Ordinal);

        var first = await Check().CheckAsync(Text(noMetaStop), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);
        var second = await Check().CheckAsync(Text(noCovarianceStop), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        Assert.Equal([(OrbitDataFindingCodes.OemMetadataUnterminated, "line 15")], first.Findings.Select(f => (f.Code, f.Location)));
        Assert.Equal([(OrbitDataFindingCodes.OemCovarianceUnterminated, "line 41")], second.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_HeaderOnly_HasNoSegment()
    {
        var kvn = "CCSDS_OEM_VERS = 2.0\nCREATION_DATE = 1996-11-04T17:22:31\n";

        var result = await Check().CheckAsync(Text(kvn), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        Assert.Equal(
            [(OrbitDataFindingCodes.KeywordMissing, "line 2"), (OrbitDataFindingCodes.OemSegmentMissing, "line 2")],
            result.Findings.Select(f => (f.Code, f.Location)));
        Assert.Contains("ORIGINATOR", result.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ValidXml_HasNoFindings()
    {
        var result = await Check().CheckAsync(Text(ValidXml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        Assert.Equal((1, 1, 3), (result.Summary.Messages, result.Summary.Segments, result.Summary.StateVectors));
    }

    [Fact]
    public async Task CheckAsync_XmlEpochNotIncreasingAndBadStateVector_ReportsAtTheStateVectors()
    {
        var xml = ValidXml
            .Replace("<EPOCH>2024-01-01T00:02:00</EPOCH>", "<EPOCH>2024-01-01T00:00:00</EPOCH>", StringComparison.Ordinal)
            .Replace("<X>6998</X><Y>450</Y>", "<Y>450</Y><X>6998</X>", StringComparison.Ordinal);

        var result = await Check().CheckAsync(Text(xml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (OrbitDataFindingCodes.OemEphemerisLine, "line 20, position 10"),
                (OrbitDataFindingCodes.OemEpochNotIncreasing, "line 21, position 10"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
    }

    [Fact]
    public async Task CheckAsync_NdmWithTwoOems_ChecksBoth()
    {
        var body = ValidXml[ValidXml.IndexOf("<oem", StringComparison.Ordinal)..];
        var xml = $"<ndm>{body}{body.Replace("<ORIGINATOR>EXAMPLE</ORIGINATOR>", "", StringComparison.Ordinal)}</ndm>";

        var result = await Check().CheckAsync(Text(xml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(OrbitDataFindingCodes.KeywordMissing, finding.Code);
        Assert.Equal((2, 2, 6), (result.Summary.Messages, result.Summary.Segments, result.Summary.StateVectors));
    }

    [Fact]
    public async Task CheckAsync_TruncatedXml_ReportsWhereItBreaks()
    {
        var xml = ValidXml[..ValidXml.IndexOf("</data>", StringComparison.Ordinal)];

        var result = await Check().CheckAsync(Text(xml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(OrbitDataFindingCodes.XmlMalformed, finding.Code);
        Assert.StartsWith("line 22, position", finding.Location, StringComparison.Ordinal);
    }
}
