using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.UnitTests.Platform.Canonicalization;

/// <summary>
/// The textbook reading of RFC 8785 section 3.2 over a tree of nodes, written independently of the production
/// code: strings built char by char, members ordered with LINQ, and numbers found by trying 1, 2, … 17
/// significant digits until one round-trips (ECMA-262 Number::toString's "k as small as possible"), then laid
/// out with string operations. The tests compare the two implementations.
/// </summary>
internal static class ReferenceJcs
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Canonicalize(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return StrictUtf8.GetBytes(text.ToString());
    }

    public static string Number(double value)
    {
        if (value == 0)
        {
            return "0";
        }
        if (value < 0)
        {
            return "-" + Number(-value);
        }

        var scientific = "";
        for (var precision = 1; precision <= 17; precision++)
        {
            scientific = value.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(scientific, CultureInfo.InvariantCulture) == value)
            {
                break;
            }
        }
        var parts = scientific.Split('E');
        var digits = parts[0].Replace(".", "", StringComparison.Ordinal).TrimEnd('0');
        var n = int.Parse(parts[1], CultureInfo.InvariantCulture) + 1;
        var k = digits.Length;

        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }
        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }
        var e = n - 1;
        return digits[..1] + (k > 1 ? "." + digits[1..] : "") + "e" + (e < 0 ? "-" : "+")
               + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
    }

    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    /// <summary>
    /// Whether <paramref name="element"/> (parsed from canonical output) holds the same data as
    /// <paramref name="node"/>: numbers equal as doubles, and every object's members in ascending ordinal order.
    /// </summary>
    public static bool SameData(JsonElement element, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return element.ValueKind == JsonValueKind.Null;
            case JsonObject obj:
                if (element.ValueKind != JsonValueKind.Object || element.GetPropertyCount() != obj.Count)
                {
                    return false;
                }
                string? previous = null;
                foreach (var property in element.EnumerateObject())
                {
                    if ((previous is not null && string.CompareOrdinal(previous, property.Name) >= 0)
                        || !obj.TryGetPropertyValue(property.Name, out var child)
                        || !SameData(property.Value, child))
                    {
                        return false;
                    }
                    previous = property.Name;
                }
                return true;
            case JsonArray array:
                return element.ValueKind == JsonValueKind.Array
                       && element.GetArrayLength() == array.Count
                       && element.EnumerateArray().Select((item, i) => SameData(item, array[i])).All(same => same);
            default:
                var kind = node.GetValueKind();
                return kind == element.ValueKind && kind switch
                {
                    JsonValueKind.String => element.GetString() == node.GetValue<string>(),
                    JsonValueKind.Number => element.GetDouble() == node.GetValue<double>(),
                    _ => true,
                };
        }
    }

    private static void Append(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var name in obj.Select(member => member.Key).OrderBy(name => name, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",").Append(Quote(name)).Append(':');
                    Append(text, obj[name]);
                    first = false;
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Append(text, array[i]);
                }
                text.Append(']');
                break;
            default:
                text.Append(node.GetValueKind() switch
                {
                    JsonValueKind.String => Quote(node.GetValue<string>()),
                    JsonValueKind.Number => Number(node.GetValue<double>()),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    var other => throw new InvalidOperationException($"Unexpected value kind {other}."),
                });
                break;
        }
    }
}
