using System.Globalization;
using static System.FormattableString;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>
/// The keywords of one block (an OMM, an OEM header, one OEM metadata block): only known keywords are kept, so the
/// memory is bounded by the keyword table; unknown and repeated keywords are reported as they arrive.
/// </summary>
internal sealed class KeywordSet(string block, IReadOnlySet<string> known, FindingCollector findings)
{
    private readonly Dictionary<string, KeywordValue> _values = new(StringComparer.Ordinal);

    public void Add(string keyword, string value, SourcePosition position)
    {
        if (keyword == OrbitDataKeywords.Comment || OrbitDataKeywords.IsUserDefined(keyword))
        {
            return;
        }
        if (!known.Contains(keyword))
        {
            findings.Warning(OrbitDataFindingCodes.KeywordUnknown,
                Invariant($"{keyword} is not a keyword of the {block}."), position.ToString());
            return;
        }
        if (_values.TryGetValue(keyword, out var first))
        {
            findings.Error(OrbitDataFindingCodes.KeywordDuplicate,
                Invariant($"{keyword} appears again in the {block}; it was first given at {first.Position}."), position.ToString());
            return;
        }
        _values.Add(keyword, new KeywordValue(value, position));
    }

    public bool Contains(string keyword) => _values.ContainsKey(keyword);

    public string? Value(string keyword) => _values.TryGetValue(keyword, out var entry) ? entry.Value : null;

    /// <summary>Reports each of <paramref name="keywords"/> that is missing, at <paramref name="end"/>.</summary>
    public void Require(IEnumerable<string> keywords, string reference, SourcePosition end)
    {
        foreach (var keyword in keywords.Where(k => !_values.ContainsKey(k)))
        {
            findings.Error(OrbitDataFindingCodes.KeywordMissing,
                Invariant($"The {block} lacks the mandatory keyword {keyword} ({reference})."), end.ToString());
        }
    }

    /// <summary>The keyword's time, or <c>null</c> when absent or invalid (reported).</summary>
    public DateTimeOffset? Time(string keyword)
    {
        if (!_values.TryGetValue(keyword, out var entry))
        {
            return null;
        }
        if (CcsdsTime.TryParse(entry.Value, out var time))
        {
            return time;
        }
        findings.Error(OrbitDataFindingCodes.TimeInvalid,
            Invariant($"{keyword} = '{entry.Value}' is not a CCSDS time (YYYY-MM-DDThh:mm:ss[.d…] or YYYY-DDDThh:mm:ss[.d…])."),
            entry.Position.ToString());
        return null;
    }

    /// <summary>Reports each present keyword of <paramref name="numeric"/> whose value is not a number.</summary>
    public void RequireNumbers(IEnumerable<string> numeric)
    {
        foreach (var keyword in numeric)
        {
            if (_values.TryGetValue(keyword, out var entry) && !IsNumber(entry.Value))
            {
                findings.Error(OrbitDataFindingCodes.ValueInvalid,
                    Invariant($"{keyword} = '{entry.Value}' is not a number."), entry.Position.ToString());
            }
        }
    }

    public static bool IsNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
}
