using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform.Canonicalization;

namespace Marketplace.UnitTests.Platform.Canonicalization;

public sealed class EcmaScriptNumberFormatterTests
{
    /// <summary>RFC 8785 Appendix B: IEEE-754 bit patterns and their ECMAScript strings.</summary>
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void Format_AppendixBBitPattern_IsTheEcmaScriptString(string bits, string expected)
    {
        var value = BitConverter.UInt64BitsToDouble(ulong.Parse(bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.Equal(expected, EcmaScriptNumberFormatter.Format(value));
        Assert.Equal(Encoding.ASCII.GetBytes(expected), JsonCanonicalizer.Canonicalize(JsonValue.Create(value)));
    }

    [Theory]
    [InlineData("7fffffffffffffff")]
    [InlineData("7ff0000000000000")]
    [InlineData("fff0000000000000")]
    public void Format_AppendixBNaNOrInfinity_ThrowsFormatException(string bits)
    {
        var value = BitConverter.UInt64BitsToDouble(ulong.Parse(bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.Throws<FormatException>(() => EcmaScriptNumberFormatter.Format(value));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("-0.0e-5", "0")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("9007199254740992", "9007199254740992")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("295147905179352830000", "295147905179352830000")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("1E30", "1e+30")]
    [InlineData("1e+30", "1e+30")]
    [InlineData("0.000000000000000000000000001", "1e-27")]
    [InlineData("100", "100")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("0.30000000000000004", "0.30000000000000004")]
    [InlineData("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", "1.7976931348623157e+308")]
    public void Canonicalize_JsonNumberText_IsTheEcmaScriptStringOfItsDouble(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(Encoding.ASCII.GetBytes(expected), JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Fact]
    public void Format_SumOfPointOneAndPointTwo_KeepsAllSeventeenDigits()
    {
        Assert.Equal("0.30000000000000004", EcmaScriptNumberFormatter.Format(0.1 + 0.2));
    }

    [Theory]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1.5e-6, "0.0000015")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.5e20, "150000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e21, "1.5e+21")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.5, "0.5")]
    public void Format_ValuesAtTheLayoutBoundaries_SwitchBetweenFixedAndExponential(double value, string expected)
    {
        Assert.Equal(expected, EcmaScriptNumberFormatter.Format(value));
        Assert.Equal("-" + expected, EcmaScriptNumberFormatter.Format(-value));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1.8e308")]
    [InlineData("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792")]
    public void Canonicalize_NumberThatOverflowsADouble_ThrowsFormatException(string json)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<FormatException>(() => JsonCanonicalizer.Canonicalize(document.RootElement));
        Assert.Contains("3.2.2.3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("-1e-400")]
    public void Canonicalize_NumberThatUnderflowsADouble_IsZero(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal("0"u8.ToArray(), JsonCanonicalizer.Canonicalize(document.RootElement));
    }
}
