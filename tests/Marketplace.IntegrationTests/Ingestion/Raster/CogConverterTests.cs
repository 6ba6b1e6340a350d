namespace Marketplace.IntegrationTests.Ingestion.Raster;

public sealed class CogConverterTests : IDisposable
{
    private readonly RasterWorkbench _bench = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task ConvertAsync_StripedGeoTiff_WritesACogThatPassesValidation()
    {
        var striped = await _bench.TranslateAsync(TiffBytes.Gradient(1100, 300, 1), "-of", "GTiff", "-a_srs", "EPSG:32650",
            "-a_ullr", "440000", "4420000", "451000", "4417000");

        var conversion = await _bench.Converter.ConvertAsync(striped, Ct);

        Assert.Empty(conversion.Findings);
        Assert.True(conversion.Validation?.IsValid);
        var output = Assert.IsType<Marketplace.Platform.Gdal.GdalWorkFile>(conversion.Output);
        Assert.NotEqual(striped.Name, output.Name);
        Assert.Equal(_bench.Workspace, output.Workspace);
        var inspection = await _bench.Inspector.InspectAsync(output, Ct);
        Assert.Empty(inspection.Findings);
        Assert.Equal("COG", inspection.Info!.ImageStructure["LAYOUT"]);
        Assert.Equal("DEFLATE", inspection.Info.ImageStructure["COMPRESSION"]);
        Assert.Equal(32650, inspection.Info.Crs?.Epsg);
        Assert.NotEmpty(inspection.Info.Bands[0].Overviews);
    }

    [Fact]
    public async Task ConvertAsync_TruncatedTiff_ReportsAFindingAndLeavesNoOutput()
    {
        var whole = await _bench.TranslateAsync(TiffBytes.Gradient(300, 300, 1), "-of", "GTiff", "-a_srs", "EPSG:32650",
            "-a_ullr", "440000", "4420000", "443000", "4417000");
        var bytes = await File.ReadAllBytesAsync(whole.FullPath, Ct);
        var truncated = await _bench.WriteAsync(bytes[..(bytes.Length / 2)]);

        var conversion = await _bench.Converter.ConvertAsync(truncated, Ct);

        Assert.Null(conversion.Output);
        Assert.Equal(["raster.cog-conversion-failed"], conversion.Findings.Select(f => f.Code));
        Assert.Equal(new[] { truncated.Name, whole.Name }.Order(), Directory.GetFiles(_bench.Workspace.FolderPath).Select(Path.GetFileName).Order());
    }
}
