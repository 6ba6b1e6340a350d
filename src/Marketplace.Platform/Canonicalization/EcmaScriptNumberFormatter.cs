using System.Buffers;
using System.Globalization;
using System.Text;

namespace Marketplace.Platform.Canonicalization;

/// <summary>
/// The number serialization of RFC 8785 section 3.2.2.3: a JSON number is read as an IEEE-754 double and written
/// the way ECMAScript's <c>Number.prototype.toString</c> writes it (ECMA-262 <c>Number::toString</c>). The
/// shortest round-trip digits come from .NET's <c>"R"</c> format; only their layout is rewritten here.
/// </summary>
internal static class EcmaScriptNumberFormatter
{
    /// <summary>
    /// Enough for every output: at most 21 integer digits, or <c>0.</c> plus 5 zeros plus 17 digits, or 17 digits
    /// with a point and <c>e-324</c>; plus the sign.
    /// </summary>
    internal const int MaxLength = 32;

    /// <summary>The digits of a double: 17 at most from the "R" format, plus room for its point and exponent.</summary>
    private const int ShortestBufferLength = 32;

    /// <summary>
    /// Reads the text of a JSON number (already validated against the RFC 8259 grammar) as the nearest double.
    /// Values too small round to zero, as in ECMAScript; values too large for a double are rejected, because
    /// RFC 8785 section 3.2.2.3 has no serialization for infinity.
    /// </summary>
    /// <exception cref="FormatException">The number overflows to infinity.</exception>
    public static double ParseJsonNumber(ReadOnlySpan<byte> utf8Number)
    {
        var value = double.Parse(utf8Number, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new FormatException(
                $"The JSON number {Encoding.UTF8.GetString(utf8Number)} is outside the range of an IEEE-754 double; "
                + "RFC 8785 section 3.2.2.3 can only serialize finite doubles.");
        }
        return value;
    }

    /// <summary>The ECMAScript string of a finite double, e.g. <c>1e+21</c>, <c>0.000001</c>, <c>1e-7</c>.</summary>
    /// <exception cref="FormatException"><paramref name="value"/> is NaN or infinite.</exception>
    public static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var length = Format(value, buffer);
        return Encoding.ASCII.GetString(buffer[..length]);
    }

    /// <summary>Appends the ECMAScript string of a finite double to <paramref name="destination"/>.</summary>
    /// <exception cref="FormatException"><paramref name="value"/> is NaN or infinite.</exception>
    public static void Write(IBufferWriter<byte> destination, double value)
    {
        var span = destination.GetSpan(MaxLength);
        destination.Advance(Format(value, span));
    }

    /// <summary>Writes the ECMAScript string of a finite double as ASCII and returns its length.</summary>
    private static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new FormatException(
                $"{value.ToString(CultureInfo.InvariantCulture)} is not a finite number; "
                + "RFC 8785 section 3.2.2.3 can only serialize finite doubles.");
        }

        // Both +0 and -0 are "0" (Number::toString step 2).
        if (value == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        Span<char> shortest = stackalloc char[ShortestBufferLength];
        if (!Math.Abs(value).TryFormat(shortest, out var shortestLength, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The round-trip form of a double did not fit its buffer.");
        }

        Span<byte> digits = stackalloc byte[ShortestBufferLength];
        var (digitCount, exponent) = Decompose(shortest[..shortestLength], digits);
        return Layout(value < 0, digits[..digitCount], exponent, destination);
    }

    /// <summary>
    /// Splits .NET's round-trip text (<c>123.45</c>, <c>0.0001</c>, <c>1E-05</c>, <c>1.5E+300</c>) into the
    /// significant digits d1..dk, without leading or trailing zeros, and the exponent n of value = 0.d1..dk × 10^n.
    /// </summary>
    private static (int DigitCount, int Exponent) Decompose(ReadOnlySpan<char> text, Span<byte> digits)
    {
        var exponentMark = text.IndexOfAny('E', 'e');
        var mantissa = exponentMark < 0 ? text : text[..exponentMark];
        var exponent = exponentMark < 0
            ? 0
            : int.Parse(text[(exponentMark + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        var count = 0;
        var leadingZeros = 0;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                continue;
            }
            if (c == '0' && count == 0)
            {
                leadingZeros++;
                continue;
            }
            digits[count++] = (byte)c;
        }
        while (count > 0 && digits[count - 1] == (byte)'0')
        {
            count--;
        }
        return (count, integerDigits - leadingZeros + exponent);
    }

    /// <summary>Number::toString steps 6 to 10 for k digits and exponent n.</summary>
    private static int Layout(bool negative, ReadOnlySpan<byte> digits, int n, Span<byte> destination)
    {
        var k = digits.Length;
        var at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            // Step 6: the digits followed by n - k zeros.
            digits.CopyTo(destination[at..]);
            at += k;
            destination.Slice(at, n - k).Fill((byte)'0');
            return at + n - k;
        }
        if (0 < n && n <= 21)
        {
            // Step 7: the first n digits, a point, the remaining k - n digits.
            digits[..n].CopyTo(destination[at..]);
            at += n;
            destination[at++] = (byte)'.';
            digits[n..].CopyTo(destination[at..]);
            return at + k - n;
        }
        if (-6 < n && n <= 0)
        {
            // Step 8: "0.", then -n zeros, then the digits.
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            destination.Slice(at, -n).Fill((byte)'0');
            at += -n;
            digits.CopyTo(destination[at..]);
            return at + k;
        }

        // Steps 9 and 10: d1[.d2..dk]e±(n-1).
        destination[at++] = digits[0];
        if (k > 1)
        {
            destination[at++] = (byte)'.';
            digits[1..].CopyTo(destination[at..]);
            at += k - 1;
        }
        destination[at++] = (byte)'e';
        var e = n - 1;
        destination[at++] = e < 0 ? (byte)'-' : (byte)'+';
        if (!Math.Abs(e).TryFormat(destination[at..], out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The exponent did not fit its buffer.");
        }
        return at + written;
    }
}
