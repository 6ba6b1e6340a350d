using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Platform.Canonicalization;

/// <summary>
/// The JSON Canonicalization Scheme (JCS) of RFC 8785: the canonical UTF-8 form (no BOM) of a JSON value, whose
/// bytes are stable enough to hash and sign. Section 3.2 fixes the output: no whitespace (3.2.1); the literals
/// <c>true</c>, <c>false</c>, <c>null</c> (3.2.2.1); strings as ECMAScript <c>JSON.stringify</c> writes them
/// (3.2.2.2); numbers as the ECMAScript string of their IEEE-754 double (3.2.2.3); object members sorted by
/// their names as arrays of UTF-16 code units (3.2.3), which is ordinal order on .NET strings.
/// </summary>
/// <remarks>
/// Input that has no canonical form is rejected with a <see cref="FormatException"/>: duplicate member names
/// (section 3.1 requires I-JSON, RFC 7493), lone surrogates in names or strings, and numbers that do not fit a
/// double. Numbers are reduced to doubles, so integers beyond 2^53 and decimals with more than about 17
/// significant digits lose precision; RFC 8785 Appendix D (Dealing with Big Numbers) advises sending such
/// values, money among them, as JSON strings. The <c>WriteTo</c> overloads may have written part of the output
/// when they throw.
/// </remarks>
public static class JsonCanonicalizer
{
    /// <summary>The first buffer size for the byte-array overloads; audit entries are a few hundred bytes.</summary>
    private const int InitialCapacity = 512;

    /// <summary>The canonical UTF-8 bytes of <paramref name="element"/> (RFC 8785 section 3.2).</summary>
    /// <exception cref="ArgumentException"><paramref name="element"/> is the default, undefined element.</exception>
    /// <exception cref="FormatException">The value has no canonical form (see the remarks on the class).</exception>
    public static byte[] Canonicalize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(InitialCapacity);
        WriteTo(buffer, element);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The canonical UTF-8 bytes of <paramref name="node"/> (RFC 8785 section 3.2); a null node is the literal
    /// <c>null</c>. A value that wraps a .NET object other than a string, bool or double is canonicalized from
    /// the JSON that System.Text.Json writes for it.
    /// </summary>
    /// <exception cref="FormatException">The value has no canonical form (see the remarks on the class).</exception>
    public static byte[] Canonicalize(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(InitialCapacity);
        WriteTo(buffer, node);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Serializes <paramref name="value"/> with System.Text.Json and <paramref name="options"/>, then returns the
    /// canonical UTF-8 bytes of the result (RFC 8785 section 3.2).
    /// </summary>
    /// <exception cref="FormatException">The value has no canonical form (see the remarks on the class).</exception>
    public static byte[] Serialize<T>(T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Canonicalize(JsonSerializer.SerializeToElement(value, options));
    }

    /// <summary>Appends the canonical UTF-8 bytes of <paramref name="element"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="element"/> is the default, undefined element.</exception>
    /// <exception cref="FormatException">The value has no canonical form (see the remarks on the class).</exception>
    public static void WriteTo(IBufferWriter<byte> destination, JsonElement element)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The element is undefined (a default JsonElement).", nameof(element));
        }
        WriteElement(destination, element);
    }

    /// <summary>Appends the canonical UTF-8 bytes of <paramref name="node"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="FormatException">The value has no canonical form (see the remarks on the class).</exception>
    public static void WriteTo(IBufferWriter<byte> destination, JsonNode? node)
    {
        ArgumentNullException.ThrowIfNull(destination);
        WriteNode(destination, node);
    }

    private static void WriteElement(IBufferWriter<byte> destination, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(destination, element);
                break;
            case JsonValueKind.Array:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                WriteByte(destination, (byte)'[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        WriteByte(destination, (byte)',');
                    }
                    first = false;
                    WriteElement(destination, item);
                }
                WriteByte(destination, (byte)']');
                break;
            case JsonValueKind.String:
                EcmaScriptStringWriter.Write(destination, ReadString(element));
                break;
            case JsonValueKind.Number:
                EcmaScriptNumberFormatter.Write(destination,
                    EcmaScriptNumberFormatter.ParseJsonNumber(JsonMarshal.GetRawUtf8Value(element)));
                break;
            case JsonValueKind.True:
                destination.Write("true"u8);
                break;
            case JsonValueKind.False:
                destination.Write("false"u8);
                break;
            case JsonValueKind.Null:
                destination.Write("null"u8);
                break;
            default:
                throw new ArgumentException($"The element kind {element.ValueKind} has no JSON form.", nameof(element));
        }
    }

    private static void WriteObject(IBufferWriter<byte> destination, JsonElement element)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var count = element.GetPropertyCount();
        var members = ArrayPool<KeyValuePair<string, JsonElement>>.Shared.Rent(count);
        try
        {
            var filled = 0;
            foreach (var property in element.EnumerateObject())
            {
                members[filled++] = new(ReadName(property), property.Value);
            }
            var sorted = members.AsSpan(0, filled);
            SortAndCheck(sorted);

            WriteByte(destination, (byte)'{');
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i > 0)
                {
                    WriteByte(destination, (byte)',');
                }
                EcmaScriptStringWriter.Write(destination, sorted[i].Key);
                WriteByte(destination, (byte)':');
                WriteElement(destination, sorted[i].Value);
            }
            WriteByte(destination, (byte)'}');
        }
        finally
        {
            ArrayPool<KeyValuePair<string, JsonElement>>.Shared.Return(members, clearArray: true);
        }
    }

    private static void WriteNode(IBufferWriter<byte> destination, JsonNode? node)
    {
        switch (node)
        {
            case null:
                destination.Write("null"u8);
                break;
            case JsonObject obj:
                WriteObject(destination, obj);
                break;
            case JsonArray array:
                RuntimeHelpers.EnsureSufficientExecutionStack();
                WriteByte(destination, (byte)'[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        WriteByte(destination, (byte)',');
                    }
                    WriteNode(destination, array[i]);
                }
                WriteByte(destination, (byte)']');
                break;
            case JsonValue value:
                WriteValue(destination, value);
                break;
            default:
                throw new ArgumentException($"The node type {node.GetType()} is not a JSON object, array or value.",
                    nameof(node));
        }
    }

    private static void WriteObject(IBufferWriter<byte> destination, JsonObject obj)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        int count;
        try
        {
            // A JsonObject parsed from text builds its dictionary here, and throws on a repeated name.
            count = obj.Count;
        }
        catch (ArgumentException e)
        {
            throw new FormatException(
                $"The object has duplicate member names, which RFC 8785 section 3.1 (I-JSON) does not allow: {e.Message}",
                e);
        }

        var members = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(count);
        try
        {
            var filled = 0;
            foreach (var member in obj)
            {
                members[filled++] = member;
            }
            var sorted = members.AsSpan(0, filled);
            SortAndCheck(sorted);

            WriteByte(destination, (byte)'{');
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i > 0)
                {
                    WriteByte(destination, (byte)',');
                }
                EcmaScriptStringWriter.Write(destination, sorted[i].Key);
                WriteByte(destination, (byte)':');
                WriteNode(destination, sorted[i].Value);
            }
            WriteByte(destination, (byte)'}');
        }
        finally
        {
            ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(members, clearArray: true);
        }
    }

    private static void WriteValue(IBufferWriter<byte> destination, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            WriteElement(destination, element);
        }
        else if (value.TryGetValue<string>(out var text))
        {
            EcmaScriptStringWriter.Write(destination, text);
        }
        else if (value.TryGetValue<bool>(out var flag))
        {
            destination.Write(flag ? "true"u8 : "false"u8);
        }
        else if (value.TryGetValue<double>(out var number))
        {
            EcmaScriptNumberFormatter.Write(destination, number);
        }
        else if (value.TryGetValue<char>(out var character))
        {
            EcmaScriptStringWriter.Write(destination, [character]);
        }
        else
        {
            // Any other .NET value (float, decimal, int, DateTimeOffset, Guid, ...) is canonicalized from the
            // JSON System.Text.Json writes for it, as Serialize does; a float is then read back as the double
            // its shortest text denotes, not widened bit for bit.
            var json = new ArrayBufferWriter<byte>();
            try
            {
                using var writer = new Utf8JsonWriter(json);
                value.WriteTo(writer);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"The value has no JSON form: {e.Message}", e);
            }
            using var document = JsonDocument.Parse(json.WrittenMemory);
            WriteElement(destination, document.RootElement);
        }
    }

    /// <summary>
    /// Sorts members by name in UTF-16 code-unit order (RFC 8785 section 3.2.3) and rejects repeated names
    /// (section 3.1), which sorting makes adjacent.
    /// </summary>
    private static void SortAndCheck<TValue>(Span<KeyValuePair<string, TValue>> members)
    {
        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < members.Length; i++)
        {
            if (string.Equals(members[i - 1].Key, members[i].Key, StringComparison.Ordinal))
            {
                throw new FormatException(
                    $"The object has more than one member named \"{members[i].Key}\"; RFC 8785 section 3.1 (I-JSON) "
                    + "requires unique member names.");
            }
        }
    }

    private static string ReadName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException(
                $"A member name is not valid Unicode, which RFC 8785 section 3.2.2.2 requires: {e.Message}", e);
        }
    }

    private static string ReadString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException(
                $"A string is not valid Unicode, which RFC 8785 section 3.2.2.2 requires: {e.Message}", e);
        }
    }

    private static void WriteByte(IBufferWriter<byte> destination, byte value)
    {
        destination.GetSpan(1)[0] = value;
        destination.Advance(1);
    }
}
