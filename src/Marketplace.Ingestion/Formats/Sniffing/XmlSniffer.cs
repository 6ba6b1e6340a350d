using System.Xml;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Telemetry;

namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>
/// Names XML by its root element: <c>omm</c>, <c>oem</c> (CCSDS 505.0-B NDM/XML), <c>ndm</c> by its first message,
/// <c>VRTDataset</c> (GDAL virtual raster), <c>html</c>. DTDs are prohibited and nothing external is resolved.
/// </summary>
internal static class XmlSniffer
{
    public static SniffResult Sniff(ReadOnlySpan<byte> head)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        using var stream = new MemoryStream(head.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, settings);
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return new SniffResult(reader.LocalName switch
                    {
                        "omm" => DetectedFormat.OmmXml,
                        "oem" => DetectedFormat.OemXml,
                        "ndm" => FirstMessage(reader),
                        "VRTDataset" => DetectedFormat.Vrt,
                        var name when name.Equals("html", StringComparison.OrdinalIgnoreCase) => DetectedFormat.Html,
                        _ => DetectedFormat.Xml,
                    });
                }
            }
            return new SniffResult(DetectedFormat.Xml,
                Finding.Error(FormatFindingCodes.Malformed, "The XML has no root element.", "byte 0"));
        }
        catch (XmlException e)
        {
            return new SniffResult(DetectedFormat.Xml,
                Finding.Error(FormatFindingCodes.Malformed, $"The XML is not usable: {e.Message}",
                    FindingLocation.XmlNode(e.LineNumber, e.LinePosition)));
        }
    }

    private static DetectedFormat FirstMessage(XmlReader reader)
    {
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
                {
                    return reader.LocalName switch
                    {
                        "omm" => DetectedFormat.OmmXml,
                        "oem" => DetectedFormat.OemXml,
                        _ => DetectedFormat.Xml,
                    };
                }
            }
        }
        catch (XmlException)
        {
            // The head may end inside the first message; without it the NDM is just XML.
        }
        return DetectedFormat.Xml;
    }
}
