using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Ingestion.Formats;

/// <summary>
/// A media type (RFC 6838) such as <c>image/tiff; application=geotiff; profile=cloud-optimized</c>: type, subtype and
/// parameters, compared ignoring case and parameter order. The <c>charset</c> parameter is ignored when comparing.
/// </summary>
public sealed class MediaType : IEquatable<MediaType>
{
    private const string Charset = "charset";

    private MediaType(string type, string subtype, IReadOnlyDictionary<string, string> parameters)
    {
        Type = type;
        Subtype = subtype;
        Parameters = parameters;
    }

    public string Type { get; }

    public string Subtype { get; }

    /// <summary>Parameters with lower-case names; values as written, quotes removed.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public static MediaType Parse(string text) =>
        TryParse(text, out var mediaType) ? mediaType : throw new FormatException($"'{text}' is not a media type.");

    public static bool TryParse(string? text, [NotNullWhen(true)] out MediaType? mediaType)
    {
        mediaType = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Split(';');
        var essence = parts[0].Trim().Split('/');
        if (essence.Length != 2 || !IsToken(essence[0]) || !IsToken(essence[1]))
        {
            return false;
        }
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }
            var name = part[..equals].Trim().ToLowerInvariant();
            var value = part[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }
            if (!IsToken(name) || value.Length == 0)
            {
                return false;
            }
            parameters[name] = value;
        }
        mediaType = new MediaType(essence[0].ToLowerInvariant(), essence[1].ToLowerInvariant(), parameters);
        return true;
    }

    /// <summary>Same type, subtype and parameters (values ignoring case), <c>charset</c> aside.</summary>
    public bool Equals(MediaType? other)
    {
        if (other is null)
        {
            return false;
        }
        if (Type != other.Type || Subtype != other.Subtype)
        {
            return false;
        }
        var mine = Parameters.Where(p => p.Key != Charset).ToList();
        var theirs = other.Parameters.Where(p => p.Key != Charset).ToList();
        return mine.Count == theirs.Count
            && mine.All(p => other.Parameters.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.OrdinalIgnoreCase));
    }

    public override bool Equals(object? obj) => Equals(obj as MediaType);

    public override int GetHashCode() => HashCode.Combine(Type, Subtype);

    public override string ToString() =>
        string.Concat($"{Type}/{Subtype}", string.Concat(Parameters.Select(p => $"; {p.Key}={p.Value}")));

    private static bool IsToken(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "!#$&-^_.+".Contains(c, StringComparison.Ordinal));
}
