using System.Text;
using Marketplace.Cli.Uploads;

namespace Marketplace.UnitTests.Cli.Uploads;

public sealed class MediaTypesTests
{
    private static readonly byte[] LittleEndianTiff = [.. "II*\0"u8, 8, 0, 0, 0];
    private static readonly byte[] BigEndianTiff = [.. "MM\0*"u8, 0, 0, 0, 8];
    private static readonly byte[] BigTiff = [.. "II+\0"u8, 8, 0, 0, 0];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    private static readonly byte[] Parquet = [.. "PAR1"u8, 0x15, 0x04];

    [Theory]
    [InlineData("scene.tif", "image/tiff; application=geotiff")]
    [InlineData("SCENE.TIFF", "image/tiff; application=geotiff")]
    [InlineData("thumb.png", "image/png")]
    [InlineData("quicklook.jpg", "image/jpeg")]
    [InlineData("quicklook.jpeg", "image/jpeg")]
    [InlineData("housekeeping.csv", "text/csv")]
    [InlineData("housekeeping.parquet", "application/vnd.apache.parquet")]
    [InlineData("iss.tle", "text/plain")]
    [InlineData("notes.txt", "text/plain")]
    [InlineData("orbit.xml", "application/xml")]
    [InlineData("metadata.json", "application/json")]
    [InlineData("archive.bin", "application/octet-stream")]
    [InlineData("no-extension", "application/octet-stream")]
    public void Guess_ContentSaysNothing_TheExtensionDecides(string fileName, string expected)
    {
        Assert.Equal(expected, MediaTypes.Guess(fileName, "1 25544U 98067A"u8));
    }

    [Fact]
    public void Guess_TiffSignatures_WithATiffName_AreGeoTiff()
    {
        Assert.Equal(MediaTypes.GeoTiff, MediaTypes.Guess("scene.tif", LittleEndianTiff));
        Assert.Equal(MediaTypes.GeoTiff, MediaTypes.Guess("scene.tiff", BigEndianTiff));
        Assert.Equal(MediaTypes.GeoTiff, MediaTypes.Guess("scene.tif", BigTiff));
    }

    [Theory]
    [InlineData("scene.dat", "tiff", "image/tiff")]
    [InlineData("thumb.tif", "png", "image/png")]
    [InlineData("picture", "jpeg", "image/jpeg")]
    [InlineData("table.csv", "parquet", "application/vnd.apache.parquet")]
    public void Guess_SignatureAgainstTheName_TheContentWins(string fileName, string content, string expected)
    {
        var head = content switch
        {
            "tiff" => LittleEndianTiff,
            "png" => Png,
            "jpeg" => Jpeg,
            _ => Parquet,
        };

        Assert.Equal(expected, MediaTypes.Guess(fileName, head));
    }

    [Fact]
    public void Guess_XmlDeclarationAfterABomAndBlankLines_IsXml()
    {
        byte[] head = [0xEF, 0xBB, 0xBF, .. "\r\n  <?xml version=\"1.0\"?><oem/>"u8];

        Assert.Equal(MediaTypes.Xml, MediaTypes.Guess("orbit.oem", head));
        Assert.Equal(MediaTypes.Xml, MediaTypes.Guess("orbit.xml", head));
    }

    [Fact]
    public void Guess_EmptyHead_FallsBackToTheName()
    {
        Assert.Equal(MediaTypes.Png, MediaTypes.Guess("thumb.png", []));
    }

    [Theory]
    [InlineData("image/tiff; application=geotiff", "image/tiff")]
    [InlineData("Text/CSV ; charset=utf-8", "text/csv")]
    [InlineData("application/octet-stream", "application/octet-stream")]
    public void Essence_DropsParametersAndLowersTheCase(string mediaType, string expected)
    {
        Assert.Equal(expected, MediaTypes.Essence(mediaType));
    }

    [Fact]
    public async Task ReadHead_ShortFile_ReadsWhatThereIs()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "<?xml", Encoding.ASCII, TestContext.Current.CancellationToken);

            var head = await MediaTypes.ReadHeadAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal("<?xml"u8.ToArray(), head);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
