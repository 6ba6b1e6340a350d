using Marketplace.Ingestion.Telemetry.Tle;

namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>Two-line element sets: a line starting "1 " then one starting "2 ", both 69 characters, optionally after a title line.</summary>
internal static class TleSniffer
{
    public static bool IsTle(IReadOnlyList<string> lines)
    {
        var first = lines.Where(l => l.Trim().Length > 0).Take(3).ToList();
        return (first.Count >= 2 && IsLine(first[0], '1') && IsLine(first[1], '2'))
            || (first.Count >= 3 && IsLine(first[1], '1') && IsLine(first[2], '2'));
    }

    private static bool IsLine(string line, char number)
    {
        var content = line.TrimEnd();
        return content.Length == TleFormat.LineLength && content[0] == number && content[1] == ' ';
    }
}
