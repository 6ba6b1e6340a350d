using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Marketplace.Platform.Canonicalization;

/// <summary>
/// The string serialization of RFC 8785 section 3.2.2.2, which is ECMAScript's <c>JSON.stringify</c>
/// (ECMA-262 <c>QuoteJSONString</c>): only <c>"</c>, <c>\</c> and U+0000..U+001F are escaped, the latter as
/// <c>\b \t \n \f \r</c> or <c>\u00xx</c> with lower-case hex; everything else, including <c>/</c> and all
/// non-ASCII characters, is written as UTF-8. Lone surrogates are rejected (section 3.2.2.2 requires valid Unicode).
/// </summary>
internal static class EcmaScriptStringWriter
{
    /// <summary>The UTF-16 code units that are written as escapes. An immutable table.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    /// <summary>Upper bound on the chars transcoded per buffer request, so huge strings are written in pieces.</summary>
    private const int MaxCharsPerChunk = 4096;

    /// <summary>Appends <paramref name="value"/> as a quoted, escaped JSON string in UTF-8.</summary>
    /// <exception cref="FormatException"><paramref name="value"/> contains a lone surrogate.</exception>
    public static void Write(IBufferWriter<byte> destination, ReadOnlySpan<char> value)
    {
        WriteByte(destination, (byte)'"');
        var rest = value;
        while (true)
        {
            var next = rest.IndexOfAny(Escaped);
            if (next < 0)
            {
                WriteRun(destination, rest);
                break;
            }
            // An escaped char is never a surrogate, so a run never splits a surrogate pair.
            WriteRun(destination, rest[..next]);
            WriteEscape(destination, rest[next]);
            rest = rest[(next + 1)..];
        }
        WriteByte(destination, (byte)'"');
    }

    private static void WriteRun(IBufferWriter<byte> destination, ReadOnlySpan<char> run)
    {
        while (!run.IsEmpty)
        {
            var chars = Math.Min(run.Length, MaxCharsPerChunk);
            var span = destination.GetSpan(chars * 3);
            var status = Utf8.FromUtf16(run, span, out var read, out var written, replaceInvalidSequences: false);
            destination.Advance(written);
            if (status == OperationStatus.InvalidData)
            {
                var codeUnit = ((int)run[read]).ToString("X4", CultureInfo.InvariantCulture);
                throw new FormatException(
                    $"The string contains the lone surrogate U+{codeUnit}; RFC 8785 section 3.2.2.2 requires "
                    + "every string to be valid Unicode.");
            }
            run = run[read..];
        }
    }

    private static void WriteEscape(IBufferWriter<byte> destination, char c)
    {
        ReadOnlySpan<byte> escape = c switch
        {
            '"' => "\\\""u8,
            '\\' => "\\\\"u8,
            '\b' => "\\b"u8,
            '\t' => "\\t"u8,
            '\n' => "\\n"u8,
            '\f' => "\\f"u8,
            '\r' => "\\r"u8,
            _ => [],
        };
        if (!escape.IsEmpty)
        {
            destination.Write(escape);
            return;
        }

        var span = destination.GetSpan(6);
        "\\u00"u8.CopyTo(span);
        span[4] = LowerHex(c >> 4);
        span[5] = LowerHex(c & 0xF);
        destination.Advance(6);
    }

    private static byte LowerHex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    private static void WriteByte(IBufferWriter<byte> destination, byte value)
    {
        destination.GetSpan(1)[0] = value;
        destination.Advance(1);
    }
}
