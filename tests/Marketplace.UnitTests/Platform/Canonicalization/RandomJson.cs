using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.UnitTests.Platform.Canonicalization;

/// <summary>
/// Random JSON trees (doubles of every magnitude, strings with control characters, quotes, non-ASCII and
/// astral characters, nested objects and arrays) and random but equivalent JSON texts for them: shuffled
/// members, insignificant whitespace, optional escapes and other spellings of the same numbers.
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class RandomJson(Random random)
{
    private const int MaxDepth = 5;

    public JsonNode? NextTree() => NextNode(0);

    /// <summary>A JSON text for <paramref name="node"/>, written differently on every call.</summary>
    public string NextText(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        Whitespace(text);
        return text.ToString();
    }

    private JsonNode? NextNode(int depth)
    {
        var choice = random.Next(depth >= MaxDepth ? 4 : 6);
        switch (choice)
        {
            case 0:
                return random.Next(3) switch
                {
                    0 => null,
                    1 => JsonValue.Create(true),
                    _ => JsonValue.Create(false),
                };
            case 1:
            case 2:
                return JsonValue.Create(NextNumber());
            case 3:
                return JsonValue.Create(NextString());
            case 4:
                var array = new JsonArray();
                for (var i = random.Next(6); i > 0; i--)
                {
                    array.Add(NextNode(depth + 1));
                }
                return array;
            default:
                var obj = new JsonObject();
                for (var i = random.Next(7); i > 0; i--)
                {
                    obj[NextString()] = NextNode(depth + 1);
                }
                return obj;
        }
    }

    private double NextNumber()
    {
        switch (random.Next(10))
        {
            case 0:
                double[] edges = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e21, 1e-7, 1e-6];
                return edges[random.Next(edges.Length)];
            case 1:
            case 2:
            case 3:
                double bits;
                do
                {
                    bits = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
                }
                while (!double.IsFinite(bits));
                return bits;
            case 4:
            case 5:
            case 6:
                return random.NextInt64(-(1L << 53), 1L << 53) >> random.Next(53);
            default:
                var magnitude = Math.Pow(10, random.Next(-9, 26));
                var value = Math.Round(random.NextDouble() * magnitude, random.Next(0, 10));
                return random.Next(2) == 0 ? value : -value;
        }
    }

    private string NextString()
    {
        var text = new StringBuilder();
        for (var i = random.Next(6); i > 0; i--)
        {
            text.Append(random.Next(7) switch
            {
                0 => ((char)random.Next(0x00, 0x20)).ToString(),
                1 => "\"\\/'<>&+"[random.Next(8)].ToString(),
                2 or 3 => ((char)random.Next(0x20, 0x7F)).ToString(),
                4 => ((char)random.Next(0x7F, 0xD800)).ToString(),
                5 => ((char)random.Next(0xE000, 0x10000)).ToString(),
                _ => char.ConvertFromUtf32(random.Next(0x10000, 0x110000)),
            });
        }
        return text.ToString();
    }

    private void Write(StringBuilder text, JsonNode? node)
    {
        Whitespace(text);
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var members = obj.Select(member => member.Key).OrderBy(_ => random.Next()).ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Whitespace(text);
                    WriteString(text, members[i]);
                    Whitespace(text);
                    text.Append(':');
                    Write(text, obj[members[i]]);
                    Whitespace(text);
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Write(text, array[i]);
                    Whitespace(text);
                }
                text.Append(']');
                break;
            default:
                if (node.GetValueKind() == JsonValueKind.String)
                {
                    WriteString(text, node.GetValue<string>());
                }
                else if (node.GetValueKind() == JsonValueKind.Number)
                {
                    WriteNumber(text, node.GetValue<double>());
                }
                else
                {
                    text.Append(node.ToJsonString());
                }
                break;
        }
    }

    /// <summary>Spellings that all parse back to the same double.</summary>
    private void WriteNumber(StringBuilder text, double value)
    {
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        text.Append(random.Next(4) switch
        {
            0 => roundTrip,
            1 => value.ToString("E16", CultureInfo.InvariantCulture),
            2 => value.ToString("G17", CultureInfo.InvariantCulture).ToLowerInvariant(),
            _ => roundTrip.Contains('.', StringComparison.Ordinal) && !roundTrip.Contains('E', StringComparison.Ordinal)
                ? roundTrip + "000"
                : roundTrip.Replace("E+", "e", StringComparison.Ordinal),
        });
    }

    private void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c);
            if (c < ' ' || c == '"' || c == '\\' || random.Next(8) == 0)
            {
                text.Append(Escape(c));
                if (pair)
                {
                    text.Append(Escape(value[++i]));
                }
            }
            else if (c == '/' && random.Next(2) == 0)
            {
                text.Append("\\/");
            }
            else
            {
                text.Append(c);
                if (pair)
                {
                    text.Append(value[++i]);
                }
            }
        }
        text.Append('"');
    }

    private string Escape(char c)
    {
        var shortForm = c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => null,
        };
        if (shortForm is not null && random.Next(2) == 0)
        {
            return shortForm;
        }
        return "\\u" + ((int)c).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture);
    }

    private void Whitespace(StringBuilder text)
    {
        for (var i = random.Next(4) == 0 ? random.Next(1, 4) : 0; i > 0; i--)
        {
            text.Append(" \t\n\r"[random.Next(4)]);
        }
    }
}
