using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// A JSON document as the schema validator reads it: built once from a System.Text.Json document, then walked many
/// times without allocating (member names are strings, numbers are parsed once). Each value knows where it is, so an
/// error can name its JSON Pointer.
/// </summary>
internal sealed class JsonInstance
{
    private const int IndexedMembers = 12;

    private static readonly List<KeyValuePair<string, JsonInstance>> NoMembers = [];

    private List<KeyValuePair<string, JsonInstance>>? _members;
    private Dictionary<string, int>? _index;

    private JsonInstance(JsonValueKind kind) => Kind = kind;

    public JsonValueKind Kind { get; }

    /// <summary>The value of a string.</summary>
    public string? String { get; private init; }

    /// <summary>The value of a number.</summary>
    public double Number { get; private init; }

    /// <summary>A number with no fractional part (JSON Schema draft-06 and later count 1.0 as an integer).</summary>
    public bool IsInteger { get; private init; }

    /// <summary>The number as JSON text (for messages).</summary>
    public string NumberText => Number.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The members of an object, in document order (a list, so walking it allocates nothing).</summary>
    public List<KeyValuePair<string, JsonInstance>> Members => _members ?? NoMembers;

    public List<JsonInstance>? Items { get; private init; }

    public JsonInstance? Parent { get; private set; }

    /// <summary>The member name under which this value sits in its parent object, or null.</summary>
    public string? Key { get; private set; }

    /// <summary>The index of this value in its parent array.</summary>
    public int Index { get; private set; }

    public static JsonInstance From(JsonNode? node) => node switch
    {
        null => new JsonInstance(JsonValueKind.Null),
        JsonObject o => FromObject(o),
        JsonArray a => FromArray(a),
        JsonValue v => FromValue(v),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType(), "Unknown JSON node."),
    };

    public static JsonInstance From(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var o = NewObject();
                foreach (var member in element.EnumerateObject())
                {
                    o.Set(member.Name, From(member.Value));
                }
                return o;
            case JsonValueKind.Array:
                var items = new List<JsonInstance>(element.GetArrayLength());
                var array = new JsonInstance(JsonValueKind.Array) { Items = items };
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(From(item));
                }
                return array;
            case JsonValueKind.String:
                return Text(element.GetString()!);
            case JsonValueKind.Number:
                return Numeric(element.GetDouble());
            case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                return new JsonInstance(element.ValueKind);
            default:
                throw new ArgumentException($"Cannot validate a JSON {element.ValueKind}.", nameof(element));
        }
    }

    /// <summary>Reads a UTF-8 JSON document (one value; comments and trailing commas refused) straight into an instance.</summary>
    public static JsonInstance Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read())
        {
            throw new JsonException("The document is empty.");
        }
        var value = Read(ref reader);
        if (reader.Read())
        {
            throw new JsonException("The document has more than one value.");
        }
        return value;
    }

    public static JsonInstance NewObject() => new(JsonValueKind.Object) { _members = [] };

    public static JsonInstance NewArray(params JsonInstance[] items)
    {
        var array = new JsonInstance(JsonValueKind.Array) { Items = new List<JsonInstance>(items.Length) };
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }

    public static JsonInstance Text(string value) => new(JsonValueKind.String) { String = value };

    public static JsonInstance Numeric(double value) => new(JsonValueKind.Number)
    {
        Number = value,
        IsInteger = double.IsFinite(value) && Math.Floor(value) == value,
    };

    public static JsonInstance Null() => new(JsonValueKind.Null);

    /// <summary>A member of an object, or null when there is none (or this is not an object).</summary>
    public JsonInstance? this[string name] => TryGet(name, out var value) ? value : null;

    public bool TryGet(string name, out JsonInstance value)
    {
        value = null!;
        if (_members is null)
        {
            return false;
        }
        if (_index is not null)
        {
            if (_index.TryGetValue(name, out var at))
            {
                value = _members[at].Value;
                return true;
            }
            return false;
        }
        foreach (var member in _members)
        {
            if (string.Equals(member.Key, name, StringComparison.Ordinal))
            {
                value = member.Value;
                return true;
            }
        }
        return false;
    }

    /// <summary>Sets a member of an object (a repeated name replaces the earlier value, as most JSON readers do).</summary>
    public void Set(string name, JsonInstance value)
    {
        if (_members is null)
        {
            throw new InvalidOperationException("Only an object has members.");
        }
        value.Parent = this;
        value.Key = name;
        var existing = -1;
        if (_index is not null)
        {
            existing = _index.GetValueOrDefault(name, -1);
        }
        else
        {
            for (var i = 0; i < _members.Count && existing < 0; i++)
            {
                existing = string.Equals(_members[i].Key, name, StringComparison.Ordinal) ? i : -1;
            }
        }
        if (existing >= 0)
        {
            _members[existing] = new(name, value);
            return;
        }
        _members.Add(new(name, value));
        if (_index is not null)
        {
            _index[name] = _members.Count - 1;
        }
        else if (_members.Count > IndexedMembers)
        {
            _index = new Dictionary<string, int>(_members.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _members.Count; i++)
            {
                _index[_members[i].Key] = i;
            }
        }
    }

    /// <summary>Where this value is, as a JSON Pointer after '#' (<c>#/links/4/title</c>), optionally one member further down.</summary>
    public string Pointer(string? member = null)
    {
        var segments = new List<string>();
        if (member is not null)
        {
            segments.Add(Escape(member));
        }
        for (var current = this; current.Parent is not null; current = current.Parent)
        {
            segments.Add(current.Key is { } key ? Escape(key) : current.Index.ToString(CultureInfo.InvariantCulture));
        }
        var pointer = new StringBuilder("#");
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            pointer.Append('/').Append(segments[i]);
        }
        return pointer.ToString();
    }

    /// <summary>The value as compact JSON, at most <paramref name="max"/> characters (for messages).</summary>
    public string ToJson(int max = 80)
    {
        var text = new StringBuilder();
        Write(text, max + 1);
        return text.Length <= max ? text.ToString() : text.ToString(0, max - 3) + "...";
    }

    /// <summary>JSON equality: numbers by value, objects regardless of member order.</summary>
    public static bool DeepEquals(JsonInstance a, JsonInstance b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Kind != b.Kind)
        {
            return false;
        }
        switch (a.Kind)
        {
            case JsonValueKind.String:
                return string.Equals(a.String, b.String, StringComparison.Ordinal);
            case JsonValueKind.Number:
                return a.Number.Equals(b.Number);
            case JsonValueKind.Array:
                if (a.Items!.Count != b.Items!.Count)
                {
                    return false;
                }
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (!DeepEquals(a.Items[i], b.Items[i]))
                    {
                        return false;
                    }
                }
                return true;
            case JsonValueKind.Object:
                if (a.Members.Count != b.Members.Count)
                {
                    return false;
                }
                foreach (var (name, value) in a.Members)
                {
                    if (!b.TryGet(name, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    private static JsonInstance Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var o = NewObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    o.Set(name, Read(ref reader));
                }
                return o;
            case JsonTokenType.StartArray:
                var array = new JsonInstance(JsonValueKind.Array) { Items = [] };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Read(ref reader));
                }
                return array;
            case JsonTokenType.String:
                return Text(reader.GetString()!);
            case JsonTokenType.Number:
                return Numeric(reader.GetDouble());
            case JsonTokenType.True:
                return new JsonInstance(JsonValueKind.True);
            case JsonTokenType.False:
                return new JsonInstance(JsonValueKind.False);
            case JsonTokenType.Null:
                return new JsonInstance(JsonValueKind.Null);
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    private void Append(string name, JsonInstance value)
    {
        value.Parent = this;
        value.Key = name;
        _members!.Add(new(name, value));
        if (_members.Count > IndexedMembers)
        {
            _index ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (_index.Count == 0)
            {
                for (var i = 0; i < _members.Count; i++)
                {
                    _index[_members[i].Key] = i;
                }
            }
            else
            {
                _index[name] = _members.Count - 1;
            }
        }
    }

    private void Add(JsonInstance item)
    {
        item.Parent = this;
        item.Index = Items!.Count;
        Items.Add(item);
    }

    private static JsonInstance FromObject(JsonObject o)
    {
        var result = new JsonInstance(JsonValueKind.Object) { _members = new(o.Count) };
        foreach (var (name, value) in o)
        {
            result.Append(name, From(value)); // a JsonObject's names are unique already
        }
        return result;
    }

    private static JsonInstance FromArray(JsonArray a)
    {
        var result = new JsonInstance(JsonValueKind.Array) { Items = new List<JsonInstance>(a.Count) };
        foreach (var item in a)
        {
            result.Add(From(item));
        }
        return result;
    }

    private static JsonInstance FromValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return From(element);
        }
        var kind = value.GetValueKind();
        return kind switch
        {
            JsonValueKind.String => Text(value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString())!),
            JsonValueKind.Number => Numeric(value.ToJsonString()),
            _ => new JsonInstance(kind),
        };
    }

    private static JsonInstance Numeric(string text) => Numeric(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

    private void Write(StringBuilder text, int limit)
    {
        if (text.Length >= limit)
        {
            return;
        }
        switch (Kind)
        {
            case JsonValueKind.String:
                text.Append(JsonSerializer.Serialize(String));
                break;
            case JsonValueKind.Number:
                text.Append(NumberText);
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            case JsonValueKind.Array:
                text.Append('[');
                for (var i = 0; i < Items!.Count && text.Length < limit; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }
                    Items[i].Write(text, limit);
                }
                text.Append(']');
                break;
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in Members)
                {
                    if (text.Length >= limit)
                    {
                        break;
                    }
                    if (!first)
                    {
                        text.Append(',');
                    }
                    first = false;
                    text.Append(JsonSerializer.Serialize(name)).Append(':');
                    value.Write(text, limit);
                }
                text.Append('}');
                break;
            default:
                break;
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
