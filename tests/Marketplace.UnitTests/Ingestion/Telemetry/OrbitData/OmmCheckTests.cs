using System.Text;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Telemetry.OrbitData;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Ingestion.Telemetry.OrbitData;

public sealed class OmmCheckTests
{
    // Modelled on the GOES 9 example OMM of CCSDS 502.0-B-2.
    private const string ValidKvn = """
        CCSDS_OMM_VERS = 2.0
        CREATION_DATE = 2007-065T16:00:00
        ORIGINATOR = NOAA/USA
        COMMENT This is an OMM for GOES 9
        OBJECT_NAME = GOES 9
        OBJECT_ID = 1995-025A
        CENTER_NAME = EARTH
        REF_FRAME = TEME
        TIME_SYSTEM = UTC
        MEAN_ELEMENT_THEORY = SGP/SGP4
        EPOCH = 2007-064T10:34:41.4264
        MEAN_MOTION = 1.00273272 [rev/day]
        ECCENTRICITY = 0.0005013
        INCLINATION = 3.0539 [deg]
        RA_OF_ASC_NODE = 81.7939 [deg]
        ARG_OF_PERICENTER = 249.2363 [deg]
        MEAN_ANOMALY = 150.1602 [deg]
        GM = 398600.8 [km**3/s**2]
        EPHEMERIS_TYPE = 0
        CLASSIFICATION_TYPE = U
        NORAD_CAT_ID = 23581
        ELEMENT_SET_NO = 0925
        REV_AT_EPOCH = 4316
        BSTAR = 0.0001 [1/ER]
        MEAN_MOTION_DOT = -0.00000113 [rev/day**2]
        MEAN_MOTION_DDOT = 0.0 [rev/day**3]
        """;

    // The ISS as CelesTrak publishes GP data in OMM XML.
    private const string ValidXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-2.0.0-master-2.0.xsd">
        <omm id="CCSDS_OMM_VERS" version="2.0">
        <header><CREATION_DATE>2024-03-01T00:00:00</CREATION_DATE><ORIGINATOR>18 SPCS</ORIGINATOR></header>
        <body><segment>
        <metadata>
        <OBJECT_NAME>ISS (ZARYA)</OBJECT_NAME>
        <OBJECT_ID>1998-067A</OBJECT_ID>
        <CENTER_NAME>EARTH</CENTER_NAME>
        <REF_FRAME>TEME</REF_FRAME>
        <TIME_SYSTEM>UTC</TIME_SYSTEM>
        <MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>
        </metadata>
        <data>
        <meanElements>
        <EPOCH>2024-02-29T12:00:00.000000</EPOCH>
        <MEAN_MOTION>15.49</MEAN_MOTION>
        <ECCENTRICITY>.0005</ECCENTRICITY>
        <INCLINATION>51.64</INCLINATION>
        <RA_OF_ASC_NODE>200.1</RA_OF_ASC_NODE>
        <ARG_OF_PERICENTER>30.2</ARG_OF_PERICENTER>
        <MEAN_ANOMALY>90.3</MEAN_ANOMALY>
        </meanElements>
        <tleParameters>
        <EPHEMERIS_TYPE>0</EPHEMERIS_TYPE>
        <CLASSIFICATION_TYPE>U</CLASSIFICATION_TYPE>
        <NORAD_CAT_ID>25544</NORAD_CAT_ID>
        <ELEMENT_SET_NO>999</ELEMENT_SET_NO>
        <REV_AT_EPOCH>44000</REV_AT_EPOCH>
        <BSTAR>.00012</BSTAR>
        <MEAN_MOTION_DOT>.0001</MEAN_MOTION_DOT>
        <MEAN_MOTION_DDOT>0</MEAN_MOTION_DDOT>
        </tleParameters>
        <userDefinedParameters><USER_DEFINED parameter="SOURCE">CELESTRAK</USER_DEFINED></userDefinedParameters>
        </data>
        </segment></body>
        </omm>
        </ndm>
        """;

    private static OmmCheck Check() => new(Options.Create(new OrbitDataCheckOptions()));

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task CheckAsync_ValidKvn_HasNoFindings()
    {
        var result = await Check().CheckAsync(Text(ValidKvn), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Summary.Messages);
        var epoch = new DateTimeOffset(2007, 3, 5, 10, 34, 41, TimeSpan.Zero).AddTicks(4_264_000);
        Assert.Equal(new OmmSummary(1, epoch, epoch), result.Summary);
    }

    [Fact]
    public async Task CheckAsync_InvalidKvn_ReportsEachDefectAtItsLine()
    {
        var kvn = ValidKvn
            .Replace("OBJECT_ID = 1995-025A\n", "", StringComparison.Ordinal)                          // line 6 removed
            .Replace("EPOCH = 2007-064T10:34:41.4264", "EPOCH = 2007-366T10:34:41", StringComparison.Ordinal) // now line 10
            .Replace("ECCENTRICITY = 0.0005013", "ECCENTRICITY = low", StringComparison.Ordinal)       // now line 12
            .Replace("MEAN_ANOMALY = 150.1602 [deg]", "MEAN_ANOMALY = 150.1602 [deg]\nINCLINATION = 3.1", StringComparison.Ordinal) // line 17
            + "\nFAVOURITE_COLOUR = blue\nthis line is not kvn";                                          // lines 27-28

        var result = await Check().CheckAsync(Text(kvn), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (OrbitDataFindingCodes.KeywordDuplicate, "line 17", FindingSeverity.Error),
                (OrbitDataFindingCodes.KeywordUnknown, "line 27", FindingSeverity.Warning),
                (OrbitDataFindingCodes.KvnSyntax, "line 28", FindingSeverity.Error),
                (OrbitDataFindingCodes.KeywordMissing, "line 28", FindingSeverity.Error),
                (OrbitDataFindingCodes.TimeInvalid, "line 10", FindingSeverity.Error),
                (OrbitDataFindingCodes.ValueInvalid, "line 12", FindingSeverity.Error),
            ],
            result.Findings.Select(f => (f.Code, f.Location, f.Severity)));
        Assert.Contains("OBJECT_ID", result.Findings[3].Message, StringComparison.Ordinal);
        Assert.Contains("first given at line 13", result.Findings[0].Message, StringComparison.Ordinal);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task CheckAsync_KvnWithoutVersionFirstAndMeanMotion_ReportsOrderAndMissingElements()
    {
        var kvn = "ORIGINATOR = X\n" + ValidKvn
            .Replace("ORIGINATOR = NOAA/USA\n", "", StringComparison.Ordinal)
            .Replace("MEAN_MOTION = 1.00273272 [rev/day]\n", "", StringComparison.Ordinal);

        var result = await Check().CheckAsync(Text(kvn), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (OrbitDataFindingCodes.KeywordOrder, "line 1"),
                (OrbitDataFindingCodes.KeywordMissing, "line 25"),
                (OrbitDataFindingCodes.OmmTleParameterMissing, "line 25"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
        Assert.Contains("MEAN_MOTION and SEMI_MAJOR_AXIS", result.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ValidXmlInsideNdm_HasNoFindings()
    {
        var result = await Check().CheckAsync(Text(ValidXml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Summary.Messages);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.Zero), result.Summary.EarliestEpoch);
    }

    [Fact]
    public async Task CheckAsync_InvalidXml_ReportsAtTheElement()
    {
        var xml = ValidXml
            .Replace("<MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>\n", "", StringComparison.Ordinal)
            .Replace("<EPOCH>2024-02-29T12:00:00.000000</EPOCH>", "<EPOCH>yesterday</EPOCH>", StringComparison.Ordinal)
            .Replace("version=\"2.0\"", "version=\"1.0\"", StringComparison.Ordinal);

        var result = await Check().CheckAsync(Text(xml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (OrbitDataFindingCodes.KeywordMissing, "line 36, position 3"),
                (OrbitDataFindingCodes.VersionUnsupported, "line 36, position 3"),
                (OrbitDataFindingCodes.TimeInvalid, "line 15, position 2"),
            ],
            result.Findings.Select(f => (f.Code, f.Location)));
        Assert.Contains("MEAN_ELEMENT_THEORY", result.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_XmlWithDtd_IsRefusedWithoutExpandingIt()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE omm [<!ENTITY big "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">]>
            <omm id="CCSDS_OMM_VERS" version="2.0"><header><ORIGINATOR>&big;</ORIGINATOR></header></omm>
            """;

        var result = await Check().CheckAsync(Text(xml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((OrbitDataFindingCodes.XmlMalformed, "line 2, position 1"), (finding.Code, finding.Location));
        Assert.Contains("DTD", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_XmlOfAnotherMessage_ReportsTheMessageType()
    {
        var xml = """<opm id="CCSDS_OPM_VERS" version="2.0"><header/></opm>""";

        var result = await Check().CheckAsync(Text(xml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((OrbitDataFindingCodes.MessageType, "line 1, position 2"), (finding.Code, finding.Location));
        Assert.Equal(0, result.Summary.Messages);
    }

    [Fact]
    public async Task CheckAsync_EmptyKvn_HoldsNoMessage()
    {
        var result = await Check().CheckAsync(Text("\n\n"), OrbitDataEncoding.Kvn, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((OrbitDataFindingCodes.Empty, "line 1"), (finding.Code, finding.Location));
    }

    [Fact]
    public async Task CheckAsync_NdmHoldingAnOem_ReportsTheMessageType()
    {
        var xml = """<ndm><oem id="CCSDS_OEM_VERS" version="2.0"><header/></oem></ndm>""";

        var result = await Check().CheckAsync(Text(xml), OrbitDataEncoding.Xml, TestContext.Current.CancellationToken);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((OrbitDataFindingCodes.MessageType, "line 1, position 7"), (finding.Code, finding.Location));
    }
}
