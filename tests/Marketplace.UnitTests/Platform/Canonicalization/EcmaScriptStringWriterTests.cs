using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marketplace.Platform.Canonicalization;

namespace Marketplace.UnitTests.Platform.Canonicalization;

public sealed class EcmaScriptStringWriterTests
{
    [Theory]
    [InlineData('\b', "\"\\b\"")]
    [InlineData('\t', "\"\\t\"")]
    [InlineData('\n', "\"\\n\"")]
    [InlineData('\f', "\"\\f\"")]
    [InlineData('\r', "\"\\r\"")]
    [InlineData('"', "\"\\\"\"")]
    [InlineData('\\', "\"\\\\\"")]
    [InlineData('\u0000', "\"\\u0000\"")]
    [InlineData('\u000b', "\"\\u000b\"")]
    [InlineData('\u000f', "\"\\u000f\"")]
    [InlineData('\u001f', "\"\\u001f\"")]
    public void Write_CharacterThatMustBeEscaped_UsesTheShortFormOrLowerCaseHex(char c, string expected)
    {
        Assert.Equal(expected, Write(c.ToString()));
    }

    [Fact]
    public void Write_EveryControlCharacter_IsEscapedAsJsonStringifyDoes()
    {
        for (var c = '\u0000'; c < ' '; c++)
        {
            var expected = c switch
            {
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                _ => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
            };

            Assert.Equal("\"a" + expected + "b\"", Write("a" + c + "b"));
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("<script>&'+`")]
    [InlineData("\u007f")]
    [InlineData("\u0080\u00e9\u00f6")]
    [InlineData("\u20ac")]
    [InlineData("\u2028\u2029")]
    [InlineData("\ufeff\uffff")]
    [InlineData("\ud83d\ude00")]
    [InlineData("\udbff\udfff")]
    public void Write_PrintableOrNonAsciiText_IsWrittenAsPlainUtf8(string value)
    {
        Assert.Equal(Encoding.UTF8.GetBytes("\"" + value + "\""), WriteBytes(value));
    }

    [Fact]
    public void Write_LoneSurrogate_ThrowsFormatException()
    {
        // Not theory data: xUnit serializes theory arguments, and a lone surrogate has no UTF-8 form.
        string[] values = ["\ud800", "\udc00", "a\ud83db", "\ude00\ud83d", "\ud83d\n", "x\udfff"];
        foreach (var value in values)
        {
            var error = Assert.Throws<FormatException>(() => Write(value));

            Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_LongStringAcrossManyChunks_EscapesEveryOccurrence()
    {
        var value = string.Concat(Enumerable.Repeat("\u00e9\ud83d\ude00\"x\n", 20_000));

        var expected = string.Concat(Enumerable.Repeat("\u00e9\ud83d\ude00\\\"x\\n", 20_000));
        Assert.Equal(Encoding.UTF8.GetBytes("\"" + expected + "\""), WriteBytes(value));
    }

    [Fact]
    public void Write_AnyString_ReadsBackAsTheSameString()
    {
        var value = new string([.. Enumerable.Range(0, 0xD800).Select(i => (char)i)]) + "\ud83d\ude00";

        var written = WriteBytes(value);

        Assert.Equal(value, JsonSerializer.Deserialize<string>(written));
    }

    private static string Write(string value) => Encoding.UTF8.GetString(WriteBytes(value));

    private static byte[] WriteBytes(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        EcmaScriptStringWriter.Write(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }
}
