using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// Reads one Orbit Data Message in the keyword = value notation of CCSDS 502.0-B-2, line by line: blank lines are
/// skipped, <c>COMMENT</c> lines, <c>KEYWORD = value [units]</c> pairs, the block delimiters META_START, META_STOP,
/// COVARIANCE_START and COVARIANCE_STOP, and any other line as whitespace-separated data.
/// </summary>
internal static class KvnMessageReader
{
    /// <summary>Feeds the message to <paramref name="handler"/>; returns <c>false</c> when the file has no non-blank line (and then does not call it).</summary>
    public static async Task<bool> ReadAsync(
        Stream stream, IOrbitDataMessageHandler handler, FindingCollector findings, int maxLineLength, CancellationToken ct)
    {
        using var text = BoundedLineReader.OpenText(stream);
        var lines = new BoundedLineReader(text, maxLineLength);
        long lastLine = 0;
        var any = false;
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            ct.ThrowIfCancellationRequested();
            var position = new SourcePosition(line.Number);
            var content = line.Text.Trim();
            if (content.Length == 0)
            {
                continue;
            }
            any = true;
            lastLine = line.Number;
            if (line.Truncated)
            {
                findings.Error(OrbitDataFindingCodes.ValueTooLong,
                    Invariant($"The line is longer than {maxLineLength} characters."), position.ToString());
                continue;
            }
            switch (content)
            {
                case "META_START":
                    handler.MetadataStart(position);
                    continue;
                case "META_STOP":
                    handler.MetadataStop(position);
                    continue;
                case "COVARIANCE_START":
                    handler.CovarianceStart(position);
                    continue;
                case "COVARIANCE_STOP":
                    handler.CovarianceStop(position);
                    continue;
            }
            if (content.StartsWith(OrbitDataKeywords.Comment, StringComparison.Ordinal)
                && (content.Length == OrbitDataKeywords.Comment.Length || char.IsWhiteSpace(content[OrbitDataKeywords.Comment.Length])))
            {
                handler.Keyword(OrbitDataKeywords.Comment, content[OrbitDataKeywords.Comment.Length..].Trim(), position);
                continue;
            }
            var equals = content.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                handler.DataLine(content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), position);
                continue;
            }
            var keyword = content[..equals].TrimEnd();
            if (!IsKeyword(keyword))
            {
                findings.Error(OrbitDataFindingCodes.KvnSyntax,
                    Invariant($"'{keyword}' is not a keyword (upper-case letters, digits and underscores)."), position.ToString());
                continue;
            }
            handler.Keyword(keyword, WithoutUnits(content[(equals + 1)..].Trim()), position);
        }
        if (any)
        {
            handler.End(new SourcePosition(lastLine));
        }
        return any;
    }

    private static bool IsKeyword(string keyword) =>
        keyword.Length > 0 && char.IsAsciiLetterUpper(keyword[0])
        && keyword.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>Drops a trailing unit in brackets, e.g. <c>6655.9942 [km]</c>.</summary>
    private static string WithoutUnits(string value)
    {
        if (value.Length > 0 && value[^1] == ']')
        {
            var open = value.LastIndexOf('[');
            if (open >= 0)
            {
                return value[..open].TrimEnd();
            }
        }
        return value;
    }
}
