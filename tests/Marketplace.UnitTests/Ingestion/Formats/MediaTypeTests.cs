using Marketplace.Ingestion.Formats;

namespace Marketplace.UnitTests.Ingestion.Formats;

public sealed class MediaTypeTests
{
    [Theory]
    [InlineData("image/tiff; application=geotiff", "IMAGE/TIFF;APPLICATION=GeoTIFF")]
    [InlineData("image/tiff; application=geotiff; profile=cloud-optimized", "image/tiff; profile=\"cloud-optimized\"; application=geotiff")]
    [InlineData("text/csv", "text/csv; charset=utf-8")]
    [InlineData("application/vnd.apache.parquet", " application/vnd.apache.parquet ")]
    public void Equals_SameTypeWrittenDifferently_IsEqual(string a, string b) =>
        Assert.Equal(MediaType.Parse(a), MediaType.Parse(b));

    [Theory]
    [InlineData("image/tiff; application=geotiff", "image/tiff")]
    [InlineData("image/tiff; application=geotiff", "image/tiff; application=geotiff; profile=cloud-optimized")]
    [InlineData("text/plain", "text/csv")]
    public void Equals_DifferentTypeOrParameters_IsNotEqual(string a, string b) =>
        Assert.NotEqual(MediaType.Parse(a), MediaType.Parse(b));

    [Theory]
    [InlineData("")]
    [InlineData("tiff")]
    [InlineData("image/")]
    [InlineData("image/tiff; application")]
    [InlineData("image/tiff; =geotiff")]
    [InlineData("image tiff/x")]
    public void TryParse_NotAMediaType_Fails(string text) => Assert.False(MediaType.TryParse(text, out _));

    [Fact]
    public void ToString_IsCanonical() =>
        Assert.Equal("image/tiff; application=geotiff; profile=cloud-optimized",
            MediaType.Parse("Image/TIFF; Profile=cloud-optimized;application=geotiff").ToString());
}
