using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// The JSON Schema <c>date-time</c> format: an RFC 3339 section 5.6 date-time (what STAC requires of "datetime",
/// "start_datetime", "created" and the like), with a real calendar date and time; a leap second (:60) is accepted.
/// </summary>
internal static partial class Rfc3339
{
    public static bool IsDateTime(string value) =>
        DateTime().IsMatch(value)
        && DateTimeOffset.TryParse(value.Replace(":60", ":59", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();
}
