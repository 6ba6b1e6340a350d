namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>
/// CSV (RFC 4180): the first records, quotes honoured, all have the same number of comma-separated fields, at least
/// two. A one-column CSV cannot be told from plain text and is not recognised.
/// </summary>
internal static class CsvSniffer
{
    public static bool IsCsv(string text, bool complete, int sampleRecords)
    {
        var counts = new List<int>();
        var fields = 1;
        var quoted = false;
        var recordHasText = false;
        for (var i = 0; i < text.Length && counts.Count < sampleRecords; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    recordHasText = true;
                    break;
                case ',':
                    fields++;
                    recordHasText = true;
                    break;
                case '\n':
                    if (recordHasText)
                    {
                        counts.Add(fields);
                    }
                    fields = 1;
                    recordHasText = false;
                    break;
                case '\r':
                    break;
                default:
                    recordHasText = true;
                    break;
            }
        }
        if (complete && recordHasText && !quoted && counts.Count < sampleRecords)
        {
            counts.Add(fields);
        }
        return counts.Count > 0 && counts[0] >= 2 && counts.All(n => n == counts[0]);
    }
}
