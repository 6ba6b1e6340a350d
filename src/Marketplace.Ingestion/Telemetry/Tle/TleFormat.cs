using System.Globalization;

namespace Marketplace.Ingestion.Telemetry.Tle;

/// <summary>
/// The fixed-column two-line element set format (NORAD/Space-Track "TLE", as documented by CelesTrak): 69 columns per
/// line, numbered from 1, column 69 a modulo-10 checksum of columns 1-68.
/// </summary>
internal static class TleFormat
{
    public const int LineLength = 69;

    public const int ChecksumColumn = 69;

    /// <summary>Two-digit epoch years below this are 20xx, the rest 19xx (the first TLEs date from 1957).</summary>
    public const int FirstCenturyYear = 57;

    /// <summary>Digits count their value, '-' counts 1, everything else 0; the sum modulo 10.</summary>
    public static int Checksum(ReadOnlySpan<char> line)
    {
        var sum = 0;
        foreach (var c in line[..(ChecksumColumn - 1)])
        {
            if (char.IsAsciiDigit(c))
            {
                sum += c - '0';
            }
            else if (c == '-')
            {
                sum++;
            }
        }
        return sum % 10;
    }

    /// <summary>Columns <paramref name="first"/> to <paramref name="last"/>, counted from 1, both included.</summary>
    public static string Columns(string line, int first, int last) => line.Substring(first - 1, last - first + 1);

    /// <summary>Satellite catalog number: five digits, or Alpha-5 (a letter other than I and O, then four digits).</summary>
    public static bool IsCatalogNumber(string field)
    {
        var value = field.TrimStart();
        if (value.Length == 0 || value.Length > 5 || !value[1..].All(char.IsAsciiDigit))
        {
            return false;
        }
        var first = value[0];
        return char.IsAsciiDigit(first) || (value.Length == 5 && char.IsAsciiLetterUpper(first) && first is not 'I' and not 'O');
    }

    /// <summary>A decimal number with optional sign and leading spaces, e.g. <c>" .00002182"</c>, <c>"-.00002182"</c>, <c>" 51.6416"</c>.</summary>
    public static bool TryParseDecimal(string field, out double value) =>
        double.TryParse(field.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>An exponent field with an assumed leading decimal point, e.g. <c>" 00000-0"</c> or <c>"-11606-4"</c> (−0.11606e−4).</summary>
    public static bool IsAssumedDecimalExponent(string field) =>
        field.Length == 8
        && field[0] is ' ' or '+' or '-'
        && !field.AsSpan(1, 5).ContainsAnyExceptInRange('0', '9')
        && field[6] is '+' or '-'
        && char.IsAsciiDigit(field[7]);

    /// <summary>Digits with optional leading spaces; blank when <paramref name="allowBlank"/>.</summary>
    public static bool IsPaddedInteger(string field, bool allowBlank)
    {
        var value = field.TrimStart();
        return value.Length == 0 ? allowBlank : value.All(char.IsAsciiDigit);
    }

    /// <summary>
    /// Epoch from the two-digit year (columns 19-20) and the day of the year with its fraction (columns 21-32), where
    /// 1.0 is 1 January 00:00 UTC.
    /// </summary>
    public static bool TryParseEpoch(string year, string dayOfYear, out DateTimeOffset epoch)
    {
        epoch = default;
        if (year.Length != 2 || !year.All(char.IsAsciiDigit)
            || !double.TryParse(dayOfYear.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }
        var twoDigits = (year[0] - '0') * 10 + (year[1] - '0');
        var fullYear = twoDigits < FirstCenturyYear ? 2000 + twoDigits : 1900 + twoDigits;
        var daysInYear = DateTime.IsLeapYear(fullYear) ? 366 : 365;
        if (day < 1.0 || day >= daysInYear + 1)
        {
            return false;
        }
        var start = new DateTimeOffset(fullYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        epoch = start.AddTicks((long)Math.Round((day - 1.0) * TimeSpan.TicksPerDay));
        return true;
    }
}
