using System.Globalization;
using System.Text.Json;
using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>JSON (RFC 8259): the head must read as well-formed JSON as far as it goes, and to its end when it is the whole file.</summary>
internal static class JsonSniffer
{
    public static SniffResult Sniff(ReadOnlySpan<byte> utf8, bool complete)
    {
        var reader = new Utf8JsonReader(utf8, isFinalBlock: complete, state: default);
        try
        {
            while (reader.Read())
            {
            }
            return new SniffResult(DetectedFormat.Json);
        }
        catch (JsonException e)
        {
            var location = string.Create(CultureInfo.InvariantCulture,
                $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}");
            return new SniffResult(DetectedFormat.Json,
                Finding.Error(FormatFindingCodes.Malformed, $"The JSON is not well-formed: {e.Message}", location));
        }
    }
}
