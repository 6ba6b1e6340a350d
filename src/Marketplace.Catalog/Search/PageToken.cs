using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Catalog.Search;

/// <summary>
/// A keyset position in the search order (start datetime descending, then collection and id ascending): the last item
/// of a page. Pages are stable under concurrent inserts and cost the same at any depth (no OFFSET).
/// </summary>
public sealed record PageToken(DateTimeOffset Start, string CollectionId, string Id)
{
    public string Encode() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
        string.Join('\n', Start.UtcTicks.ToString(CultureInfo.InvariantCulture), CollectionId, Id)));

    public static PageToken? TryDecode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)).Split('\n');
            return parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? new PageToken(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1], parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
