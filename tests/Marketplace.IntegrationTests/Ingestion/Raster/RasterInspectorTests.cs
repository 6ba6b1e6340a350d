using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Raster;

namespace Marketplace.IntegrationTests.Ingestion.Raster;

public sealed class RasterInspectorTests : IDisposable
{
    private readonly RasterWorkbench _bench = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task InspectAsync_ValidCog_ReadsCrsGeotransformStatisticsAndLayout()
    {
        var file = await _bench.CogAsync(600, 400);

        var inspection = await _bench.Inspector.InspectAsync(file, Ct);

        Assert.Empty(inspection.Findings);
        var info = Assert.IsType<RasterInfo>(inspection.Info);
        Assert.Equal((600, 400, 3), (info.Width, info.Height, info.Bands.Count));
        Assert.Equal(32650, info.Crs?.Epsg);
        Assert.Equal(RasterCrsKind.Projected, info.Crs?.Kind);
        Assert.Equal(1.0, info.Crs?.LinearUnitMetres);
        Assert.StartsWith("PROJCRS[\"WGS 84 / UTM zone 50N\"", info.Crs?.Wkt, StringComparison.Ordinal);
        Assert.Equal(new GeoTransform(440000, 10, 0, 4420000, 0, -10), info.GeoTransform);
        Assert.Equal("COG", info.ImageStructure["LAYOUT"]);
        Assert.Equal("DEFLATE", info.ImageStructure["COMPRESSION"]);
        Assert.Equal(RasterStatisticsMode.Exact, info.Statistics);
        var band = info.Bands[0];
        Assert.Equal("Byte", band.DataType);
        Assert.Equal(new RasterSize(512, 512), band.Block);
        Assert.Equal([new RasterSize(300, 200)], band.Overviews);
        Assert.Equal(100, band.ValidPercent);
        Assert.Equal(new BandStatistics(0, 255, band.Statistics!.Mean, band.Statistics.StdDev), band.Statistics);
        Assert.True(band.Statistics.StdDev > 50);
        Assert.NotNull(info.Wgs84Extent);
        Assert.Equal(116.2978, info.Wgs84Extent.EnvelopeInternal.MinX, 3);
        Assert.Equal(39.9280, info.Wgs84Extent.EnvelopeInternal.MaxY, 3);
    }

    [Fact]
    public async Task InspectAsync_AboveTheExactStatisticsSize_ComputesApproximateStatistics()
    {
        using var bench = new RasterWorkbench(checks: o => o.ExactStatisticsMaxBytes = 100_000);
        var file = await bench.CogAsync(600, 400);

        var inspection = await bench.Inspector.InspectAsync(file, Ct);

        Assert.Equal([("raster.stats-approximate", FindingSeverity.Info)], inspection.Findings.Select(f => (f.Code, f.Severity)));
        Assert.Equal(RasterStatisticsMode.Approximate, inspection.Info!.Statistics);
        Assert.All(inspection.Info.Bands, b => Assert.NotNull(b.Statistics));
    }

    [Fact]
    public async Task InspectAsync_ZeroByteFile_ReportsEmpty()
    {
        var file = await _bench.WriteAsync([]);

        var inspection = await _bench.Inspector.InspectAsync(file, Ct);

        Assert.Null(inspection.Info);
        Assert.Equal(["raster.empty"], inspection.Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task InspectAsync_PngBytes_RefusedAsNotGeoTiff()
    {
        var file = await _bench.WriteAsync([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

        var inspection = await _bench.Inspector.InspectAsync(file, Ct);

        Assert.Equal(["raster.not-geotiff"], inspection.Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task InspectAsync_TiffCutInsideItsPixels_ReportsUnreadable()
    {
        var whole = await _bench.TranslateAsync(TiffBytes.Gradient(300, 300, 1), "-of", "GTiff", "-a_srs", "EPSG:32650",
            "-a_ullr", "440000", "4420000", "443000", "4417000");
        var bytes = await File.ReadAllBytesAsync(whole.FullPath, Ct);
        var truncated = await _bench.WriteAsync(bytes[..(bytes.Length / 2)]);

        var inspection = await _bench.Inspector.InspectAsync(truncated, Ct);

        var finding = Assert.Single(inspection.Findings);
        Assert.Equal("raster.unreadable", finding.Code);
        Assert.Contains("TIFFRead", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_bench.Workspace.FolderPath, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_TiffCutInsideItsHeader_ReportsUnreadable()
    {
        var whole = await _bench.CreateAsync("-outsize", "64", "64", "-burn", "1");
        var bytes = await File.ReadAllBytesAsync(whole.FullPath, Ct);
        var truncated = await _bench.WriteAsync(bytes[..100]);

        var inspection = await _bench.Inspector.InspectAsync(truncated, Ct);

        Assert.Null(inspection.Info);
        Assert.Equal(["raster.unreadable"], inspection.Findings.Select(f => f.Code));
    }

    [Theory]
    [InlineData(1_000_000u, 1_000_000u, (ushort)4, "above the limit")]           // 4 TB declared: over the absolute cap
    [InlineData(100_000u, 100_000u, (ushort)1, "compression ratio")]             // 10 GB in ~170 bytes: over the ratio bound
    public async Task InspectAsync_AbsurdDeclaredDimensions_RefusedBeforeStatistics(uint width, uint height, ushort bands, string reason)
    {
        var file = await _bench.WriteAsync(TiffBytes.PixelFlood(width, height, bands));

        var inspection = await _bench.Inspector.InspectAsync(file, Ct);

        var finding = Assert.Single(inspection.Findings);
        Assert.Equal("raster.pixel-flood", finding.Code);
        Assert.Contains(reason, finding.Message, StringComparison.Ordinal);
        var info = Assert.IsType<RasterInfo>(inspection.Info);
        Assert.Equal(((int)width, (int)height, (int)bands), (info.Width, info.Height, info.Bands.Count));
        Assert.Equal(RasterStatisticsMode.None, info.Statistics);
        Assert.All(info.Bands, b => Assert.Null(b.Statistics));
    }

    [Fact]
    public async Task InspectAsync_TinyTimeout_ReportsTimeout()
    {
        using var bench = new RasterWorkbench(gdal: o => o.TimeoutSeconds = 0.01);
        var file = await bench.CogAsync(64, 64);

        var inspection = await bench.Inspector.InspectAsync(file, Ct);

        Assert.Equal(["raster.timeout"], inspection.Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task InspectAsync_TinyMemoryLimit_ReportsMemoryLimit()
    {
        using var bench = new RasterWorkbench(gdal: o => o.MemoryLimitMegabytes = 64);
        var file = await bench.CogAsync(64, 64);

        var inspection = await bench.Inspector.InspectAsync(file, Ct);

        var finding = Assert.Single(inspection.Findings);
        Assert.Equal("raster.memory-limit", finding.Code);
        Assert.Contains("memory", finding.Message, StringComparison.Ordinal);
    }
}
