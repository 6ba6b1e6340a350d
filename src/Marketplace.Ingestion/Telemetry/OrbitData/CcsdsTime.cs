namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// Parses the times of Orbit Data Messages: CCSDS ASCII Time Code A (<c>YYYY-MM-DDThh:mm:ss[.d…][Z]</c>) or B
/// (<c>YYYY-DDDThh:mm:ss[.d…][Z]</c>) of CCSDS 301.0-B-4 §3.5, which CCSDS 502.0-B-2 prescribes for every epoch.
/// </summary>
/// <remarks>
/// The result is a <see cref="DateTimeOffset"/> at offset zero in whatever TIME_SYSTEM the message names, for
/// ordering only. Fractions beyond 100 ns are dropped; a leap second (ss = 60) reads as the last tick of its minute.
/// </remarks>
internal static class CcsdsTime
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var s = text.AsSpan().Trim();
        if (s.Length > 0 && s[^1] == 'Z')
        {
            s = s[..^1];
        }
        if (s.Length < 17 || !TryDigits(s[..4], out var year) || s[4] != '-' || year < 1)
        {
            return false;
        }
        int month;
        int day;
        int timeStart;
        if (s[7] == '-')
        {
            if (s.Length < 19 || !TryDigits(s.Slice(5, 2), out month) || !TryDigits(s.Slice(8, 2), out day) || s[10] != 'T'
                || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }
            timeStart = 11;
        }
        else
        {
            if (!TryDigits(s.Slice(5, 3), out var dayOfYear) || s[8] != 'T'
                || dayOfYear < 1 || dayOfYear > (DateTime.IsLeapYear(year) ? 366 : 365))
            {
                return false;
            }
            var date = new DateTime(year, 1, 1).AddDays(dayOfYear - 1);
            (month, day) = (date.Month, date.Day);
            timeStart = 9;
        }

        var time = s[timeStart..];
        if (time.Length < 8 || time[2] != ':' || time[5] != ':'
            || !TryDigits(time[..2], out var hour) || !TryDigits(time.Slice(3, 2), out var minute)
            || !TryDigits(time.Slice(6, 2), out var second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }
        long fractionTicks = 0;
        var rest = time[8..];
        if (rest.Length > 0)
        {
            if (rest[0] != '.' || rest.Length == 1 || rest[1..].ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
            var digits = rest[1..];
            for (var i = 0; i < 7; i++)
            {
                fractionTicks = fractionTicks * 10 + (i < digits.Length ? digits[i] - '0' : 0);
            }
        }
        var instant = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), TimeSpan.Zero);
        value = second == 60
            ? instant.AddTicks(TimeSpan.TicksPerSecond - 1)
            : instant.AddTicks(fractionTicks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
