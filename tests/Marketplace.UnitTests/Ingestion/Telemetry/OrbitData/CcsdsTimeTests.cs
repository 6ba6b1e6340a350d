using Marketplace.Ingestion.Telemetry.OrbitData;

namespace Marketplace.UnitTests.Ingestion.Telemetry.OrbitData;

public sealed class CcsdsTimeTests
{
    [Theory]
    [InlineData("2007-065T16:00:00", "2007-03-06T16:00:00.0000000+00:00")]
    [InlineData("2007-064T10:34:41.4264", "2007-03-05T10:34:41.4264000+00:00")]
    [InlineData("1996-12-18T12:00:00.331", "1996-12-18T12:00:00.3310000+00:00")]
    [InlineData("1996-12-18T12:00:00.331Z", "1996-12-18T12:00:00.3310000+00:00")]
    [InlineData("2024-366T00:00:00", "2024-12-31T00:00:00.0000000+00:00")]
    [InlineData("2020-01-01T00:00:00.123456789", "2020-01-01T00:00:00.1234567+00:00")]
    [InlineData(" 2020-01-01T00:00:00 ", "2020-01-01T00:00:00.0000000+00:00")]
    public void TryParse_TimeCodeAOrB_ReadsTheInstant(string text, string expected)
    {
        Assert.True(CcsdsTime.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void TryParse_LeapSecond_SortsBeforeTheNextMinute()
    {
        Assert.True(CcsdsTime.TryParse("2016-12-31T23:59:60.5", out var leap));
        Assert.True(CcsdsTime.TryParse("2017-01-01T00:00:00", out var next));
        Assert.True(leap < next);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2007-366T00:00:00")]
    [InlineData("2007-02-29T00:00:00")]
    [InlineData("2007-13-01T00:00:00")]
    [InlineData("2007-01-01")]
    [InlineData("2007-01-01T24:00:00")]
    [InlineData("2007-01-01T12:00:00.")]
    [InlineData("2007-01-01T12:00:00+01:00")]
    [InlineData("07-01-01T12:00:00")]
    [InlineData("2007-01-01 12:00:00")]
    public void TryParse_NotATimeCode_Fails(string text) => Assert.False(CcsdsTime.TryParse(text, out _));
}
