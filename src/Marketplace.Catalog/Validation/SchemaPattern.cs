using System.Text.RegularExpressions;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// A JSON Schema "pattern" (an ECMA 262 regular expression, matched anywhere in the string). The form every STAC
/// extension uses in patternProperties to set its own fields apart, <c>^(?!prefix:)</c>, is answered by a prefix test;
/// any other pattern by a compiled regular expression.
/// </summary>
internal sealed partial class SchemaPattern
{
    private readonly Regex? _regex;
    private readonly string? _excludedPrefix;

    private SchemaPattern(string text, Regex? regex, string? excludedPrefix)
    {
        Text = text;
        _regex = regex;
        _excludedPrefix = excludedPrefix;
    }

    public string Text { get; }

    public static SchemaPattern Create(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var negativePrefix = NegativePrefix().Match(pattern);
        if (negativePrefix.Success)
        {
            return new SchemaPattern(pattern, null, negativePrefix.Groups["prefix"].Value);
        }
        try
        {
            return new SchemaPattern(pattern, new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.Compiled), null);
        }
        catch (ArgumentException)
        {
            // .NET's ECMAScript mode refuses some syntax ECMA 262 allows (e.g. Unicode property escapes).
            try
            {
                return new SchemaPattern(pattern, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled), null);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"The schema pattern '{pattern}' is not a valid regular expression: {e.Message}", e);
            }
        }
    }

    public bool IsMatch(string value) =>
        _excludedPrefix is not null ? !value.StartsWith(_excludedPrefix, StringComparison.Ordinal) : _regex!.IsMatch(value);

    public override string ToString() => Text;

    /// <summary><c>^(?!literal)</c> with a literal of letters, digits, ':', '_' or '-' (no regular-expression syntax).</summary>
    [GeneratedRegex(@"^\^\(\?!(?<prefix>[A-Za-z0-9:_\-]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex NegativePrefix();
}
