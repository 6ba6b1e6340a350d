namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>
/// HTML as the WHATWG MIME Sniffing Standard §7.1 recognises it: after leading whitespace, one of its tag patterns
/// (<c>&lt;!DOCTYPE HTML</c>, <c>&lt;HTML</c>, <c>&lt;HEAD</c>, <c>&lt;SCRIPT</c>, …) in any case, followed by a space or
/// <c>&gt;</c>. Its <c>&lt;!--</c> pattern is left out because XML may also open with a comment.
/// </summary>
internal static class HtmlSniffer
{
    private static readonly string[] Patterns =
    [
        "<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE",
        "<TITLE", "<B", "<BODY", "<BR", "<P",
    ];

    public static bool IsHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        foreach (var pattern in Patterns)
        {
            if (start.Length > pattern.Length
                && start.StartsWith(pattern, StringComparison.OrdinalIgnoreCase)
                && start[pattern.Length] is ' ' or '>')
            {
                return true;
            }
        }
        return false;
    }
}
