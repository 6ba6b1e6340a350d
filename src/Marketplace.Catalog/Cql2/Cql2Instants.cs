using System.Globalization;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Reads the instant strings of OGC 21-065r2 CQL2 Annex B (<c>fullDate</c>, <c>fullDate "T" utcTime</c>): dates
/// <c>YYYY-MM-DD</c> and UTC timestamps <c>YYYY-MM-DDThh:mm:ss[.f…]Z</c>, nothing looser.
/// </summary>
internal static class Cql2Instants
{
    public const string Unbounded = "..";

    public static bool IsDate(string text) =>
        text.Length == 10 && IsDigits(text, 0, 4) && text[4] == '-' && IsDigits(text, 5, 2) && text[7] == '-' && IsDigits(text, 8, 2);

    public static bool IsTimestamp(string text)
    {
        if (text.Length < 20 || !IsDate(text[..10]) || text[10] != 'T' || !IsDigits(text, 11, 2) || text[13] != ':'
            || !IsDigits(text, 14, 2) || text[16] != ':' || !IsDigits(text, 17, 2) || text[^1] != 'Z')
        {
            return false;
        }
        var rest = text[19..^1];
        return rest.Length == 0 || (rest.Length >= 2 && rest[0] == '.' && IsDigits(rest, 1, rest.Length - 1));
    }

    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        return IsDate(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static bool TryParseTimestamp(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (!IsTimestamp(text))
        {
            return false;
        }
        // .NET keeps 7 fractional digits (100 ns); PostgreSQL keeps 6. Further digits are dropped, not rounded.
        var fraction = text[19..^1];
        var normalized = text[..19] + (fraction.Length > 8 ? fraction[..8] : fraction) + "Z";
        return DateTimeOffset.TryParseExact(
            normalized,
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out timestamp);
    }

    /// <summary>The first instant of a UTC day.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The last instant of a UTC day at PostgreSQL's resolution of one microsecond.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date).AddDays(1).AddTicks(-TimeSpan.TicksPerMicrosecond);

    private static bool IsDigits(string text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
