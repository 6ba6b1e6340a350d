namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>An Orbit Data Message in KVN opens with its version keyword (CCSDS 502.0-B-2): CCSDS_OMM_VERS or CCSDS_OEM_VERS.</summary>
internal static class KvnSniffer
{
    public static DetectedFormat? Sniff(IReadOnlyList<string> lines)
    {
        var first = lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (first is null)
        {
            return null;
        }
        if (IsKeyword(first, "CCSDS_OMM_VERS"))
        {
            return DetectedFormat.OmmKvn;
        }
        return IsKeyword(first, "CCSDS_OEM_VERS") ? DetectedFormat.OemKvn : null;
    }

    private static bool IsKeyword(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal)
        && line.AsSpan(keyword.Length).TrimStart().StartsWith('=');
}
