using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform.Canonicalization;

namespace Marketplace.UnitTests.Platform.Canonicalization;

public sealed class JsonCanonicalizerTests
{
    /// <summary>The input of RFC 8785 section 3.2.2.</summary>
    private const string RfcSample = """
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """;

    /// <summary>The canonical form of <see cref="RfcSample"/> given in RFC 8785 section 3.2.2.</summary>
    private const string RfcSampleCanonical =
        """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""";

    /// <summary>The input of RFC 8785 section 3.2.3.</summary>
    private const string RfcSortingSample = """
        {
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;

    [Fact]
    public void Canonicalize_RfcSection322Sample_GivesThePublishedOutput()
    {
        using var document = JsonDocument.Parse(RfcSample);

        var canonical = JsonCanonicalizer.Canonicalize(document.RootElement);

        Assert.Equal(Encoding.UTF8.GetBytes(RfcSampleCanonical), canonical);
    }

    [Fact]
    public void Canonicalize_RfcSection322Sample_WritesTheEuroSignAsUtf8WithoutBom()
    {
        using var document = JsonDocument.Parse(RfcSample);

        var canonical = JsonCanonicalizer.Canonicalize(document.RootElement);

        Assert.Equal((byte)'{', canonical[0]);
        var value = "\"string\":\""u8.ToArray();
        var start = canonical.AsSpan().IndexOf(value) + value.Length;
        Assert.Equal(new byte[] { 0xe2, 0x82, 0xac, (byte)'$' }, canonical.AsSpan(start, 4).ToArray());
    }

    [Fact]
    public void Canonicalize_RfcSection323Sample_SortsNamesByUtf16CodeUnits()
    {
        using var document = JsonDocument.Parse(RfcSortingSample);

        var canonical = JsonCanonicalizer.Canonicalize(document.RootElement);

        using var output = JsonDocument.Parse(canonical);
        Assert.Equal(["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"],
            output.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"],
            output.RootElement.EnumerateObject().Select(p => p.Value.GetString()));
        Assert.Equal(
            Encoding.UTF8.GetBytes(
                "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"),
            canonical);
    }

    [Fact]
    public void Canonicalize_SurrogatePairName_SortsBeforeHigherBmpCharacters()
    {
        // U+1F600 is D83D DE00 in UTF-16, which sorts below U+FB33 although its code point is higher.
        var node = new JsonObject { ["\ufb33"] = 1, ["\ud83d\ude00"] = 2, ["\uffff"] = 3, ["\ud7ff"] = 4 };

        Assert.Equal(Encoding.UTF8.GetBytes("{\"\ud7ff\":4,\"\ud83d\ude00\":2,\"\ufb33\":1,\"\uffff\":3}"),
            JsonCanonicalizer.Canonicalize(node));
    }

    [Fact]
    public void Canonicalize_CanonicalOutput_IsAFixedPoint()
    {
        using var document = JsonDocument.Parse(RfcSample);
        var canonical = JsonCanonicalizer.Canonicalize(document.RootElement);

        using var again = JsonDocument.Parse(canonical);

        Assert.Equal(canonical, JsonCanonicalizer.Canonicalize(again.RootElement));
    }

    [Fact]
    public void Canonicalize_MembersInAnyOrderAndWhitespace_GiveTheSameBytes()
    {
        using var first = JsonDocument.Parse("""{"b":1,"a":{"y":[1,2],"x":"s"},"c":null}""");
        using var second = JsonDocument.Parse("""
            { "c" : null ,
              "a" : { "x" : "s", "y" : [ 1 , 2 ] },
              "b" : 1 }
            """);

        Assert.Equal("""{"a":{"x":"s","y":[1,2]},"b":1,"c":null}"""u8.ToArray(),
            JsonCanonicalizer.Canonicalize(first.RootElement));
        Assert.Equal(JsonCanonicalizer.Canonicalize(first.RootElement),
            JsonCanonicalizer.Canonicalize(second.RootElement));
    }

    [Fact]
    public void Canonicalize_NestedArraysAndObjects_SortsEveryObjectAndKeepsArrayOrder()
    {
        using var document = JsonDocument.Parse("""
            {"z":[{"b":[3,{"d":1,"c":2}],"a":[]},[[],{}],"last",0],"y":{"n":{"m":{"l":{}}}},"x":[]}
            """);

        Assert.Equal(
            """{"x":[],"y":{"n":{"m":{"l":{}}}},"z":[{"a":[],"b":[3,{"c":2,"d":1}]},[[],{}],"last",0]}"""u8.ToArray(),
            JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData(" [ true , false , null ] ", "[true,false,null]")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("{}", "{}")]
    [InlineData("[]", "[]")]
    [InlineData("{\"\":\"\"}", "{\"\":\"\"}")]
    public void Canonicalize_LiteralsAndEmptyValues_AreWrittenVerbatim(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(Encoding.UTF8.GetBytes(expected), JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Fact]
    public void Canonicalize_UnicodeText_PassesThroughAsUtf8()
    {
        using var document = JsonDocument.Parse("""
            {"name":"Z\u00fcrich \u00e9t\u00e9 \u6771\u4eac \ud83d\udef0\ufe0f","note":"\u2028 / <b>&amp;</b>"}
            """);

        Assert.Equal(
            Encoding.UTF8.GetBytes("{\"name\":\"Zürich été 東京 🛰️\",\"note\":\"\u2028 / <b>&amp;</b>\"}"),
            JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Fact]
    public void Canonicalize_ControlCharactersInNamesAndValues_AreEscaped()
    {
        using var document = JsonDocument.Parse("""{"a\u0001\tb":"\u0000\b\f\n\r\t\u001F\u007f"}""");

        Assert.Equal(Encoding.UTF8.GetBytes("{\"a\\u0001\\tb\":\"\\u0000\\b\\f\\n\\r\\t\\u001f\u007f\"}"),
            JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Theory]
    [InlineData("""{"a":1,"a":1}""", "a")]
    [InlineData("""{"a":1,"b":2,"a":3}""", "a")]
    [InlineData("""{"x":{"\u0061":1,"a":2}}""", "a")]
    [InlineData("""[{"ok":1},{"\u20ac":1,"€":2}]""", "€")]
    public void Canonicalize_DuplicateMemberNames_ThrowsFormatExceptionNamingTheMember(string json, string name)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(document.RootElement));

        Assert.Contains($"\"{name}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_JsonObjectParsedWithDuplicateNames_ThrowsFormatException()
    {
        var node = JsonNode.Parse("""{"a":1,"a":2}""");

        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(node));
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00\"")]
    [InlineData("\"a\\ud83db\"")]
    [InlineData("{\"\\ud800\":1}")]
    [InlineData("[\"ok\",{\"k\":\"\\ude00\\ud83d\"}]")]
    public void Canonicalize_EscapedLoneSurrogate_ThrowsFormatException(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Fact]
    public void Canonicalize_LoneSurrogateInJsonNode_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(JsonValue.Create("x\ud800")));
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(new JsonObject { ["\udc00"] = 1 }));
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(JsonValue.Create('\ud800')));
    }

    [Fact]
    public void Canonicalize_InvalidUtf8InString_ThrowsFormatException()
    {
        using var document = JsonDocument.Parse(new byte[] { (byte)'"', 0xff, (byte)'"' });

        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Fact]
    public void Canonicalize_HugeNumberLiteral_ThrowsFormatException()
    {
        using var document = JsonDocument.Parse("""{"fine":1,"huge":[1e400]}""");

        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Fact]
    public void Canonicalize_NonFiniteDoubleInJsonNode_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(JsonValue.Create(double.NaN)));
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(JsonValue.Create(double.PositiveInfinity)));
        Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(new JsonArray(JsonValue.Create(float.NegativeInfinity))));
    }

    [Fact]
    public void Canonicalize_DefaultElement_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(default(JsonElement)));
    }

    [Fact]
    public void Canonicalize_NullNode_IsTheNullLiteral()
    {
        Assert.Equal("null"u8.ToArray(), JsonCanonicalizer.Canonicalize((JsonNode?)null));
        Assert.Equal("[null,{\"a\":null}]"u8.ToArray(),
            JsonCanonicalizer.Canonicalize(new JsonArray(null, new JsonObject { ["a"] = null })));
    }

    [Fact]
    public void Canonicalize_ParsedJsonNode_GivesTheSameBytesAsTheElement()
    {
        using var document = JsonDocument.Parse(RfcSample);

        Assert.Equal(JsonCanonicalizer.Canonicalize(document.RootElement),
            JsonCanonicalizer.Canonicalize(JsonNode.Parse(RfcSample)));
    }

    [Fact]
    public void Canonicalize_JsonNodeWrappingDotNetValues_UsesTheJsonTheySerializeTo()
    {
        using var inner = JsonDocument.Parse("4.50e0");
        var node = new JsonObject
        {
            ["int"] = 42,
            ["long"] = 9007199254740993L,
            ["float"] = 0.1f,
            ["decimal"] = 1.50m,
            ["double"] = 1e21,
            ["bool"] = true,
            ["char"] = 'x',
            ["time"] = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["id"] = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["element"] = JsonValue.Create(inner.RootElement),
        };

        Assert.Equal(
            Encoding.UTF8.GetBytes(
                "{\"bool\":true,\"char\":\"x\",\"decimal\":1.5,\"double\":1e+21,\"element\":4.5,"
                + "\"float\":0.1,\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"int\":42,"
                + "\"long\":9007199254740992,\"time\":\"2030-01-02T03:04:05+00:00\"}"),
            JsonCanonicalizer.Canonicalize(node));
    }

    [Fact]
    public void Serialize_RecordWithNamingPolicy_SortsTheSerializedNames()
    {
        var entry = new AuditSample("grant", 2.50, "caf\u00e9 </>", [3, 1, 2], Outcome: null);

        var canonical = JsonCanonicalizer.Serialize(entry, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Equal(
            Encoding.UTF8.GetBytes(
                "{\"action\":\"grant\",\"amount\":2.5,\"items\":[3,1,2],\"note\":\"café </>\",\"outcome\":null}"),
            canonical);
    }

    [Fact]
    public void Serialize_NullOptions_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => JsonCanonicalizer.Serialize(1, null!));
    }

    [Fact]
    public void WriteTo_BufferWithContent_AppendsTheCanonicalBytes()
    {
        using var document = JsonDocument.Parse("""{"b":[1.0],"a":"\u00e9"}""");
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("prefix:"u8);

        JsonCanonicalizer.WriteTo(buffer, document.RootElement);
        JsonCanonicalizer.WriteTo(buffer, JsonValue.Create(-0.0));

        Assert.Equal(Encoding.UTF8.GetBytes("prefix:{\"a\":\"\u00e9\",\"b\":[1]}0"), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Canonicalize_ObjectWithManyMembers_SortsThemAll()
    {
        var node = new JsonObject();
        for (var i = 50_000; i > 0; i--)
        {
            node["k" + i.ToString("D6", CultureInfo.InvariantCulture)] = i;
        }

        using var output = JsonDocument.Parse(JsonCanonicalizer.Canonicalize(node));

        var names = output.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(50_000, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Canonicalize_DeeplyNestedArrays_WritesEveryLevel()
    {
        const int depth = 500;
        var json = new string('[', depth) + new string(']', depth);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = depth });

        Assert.Equal(Encoding.ASCII.GetBytes(json), JsonCanonicalizer.Canonicalize(document.RootElement));
        Assert.Equal(Encoding.ASCII.GetBytes(json), JsonCanonicalizer.Canonicalize(JsonNode.Parse(json,
            documentOptions: new JsonDocumentOptions { MaxDepth = depth })));
    }

    private sealed record AuditSample(string Action, double Amount, string Note, int[] Items, string? Outcome);
}
