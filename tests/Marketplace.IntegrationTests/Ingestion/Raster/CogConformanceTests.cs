using Marketplace.Ingestion.Findings;

namespace Marketplace.IntegrationTests.Ingestion.Raster;

public sealed class CogConformanceTests : IDisposable
{
    private readonly RasterWorkbench _bench = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task ValidateAsync_Cog_IsValidWithoutFindings()
    {
        var file = await _bench.CogAsync(600, 400);

        var validation = await _bench.Conformance.ValidateAsync(file, Ct);

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Findings);
    }

    [Fact]
    public async Task ValidateAsync_StripedGeoTiff_ReportsNotTiledAndNoOverviews()
    {
        var file = await _bench.TranslateAsync(TiffBytes.Gradient(1100, 300, 1), "-of", "GTiff", "-a_srs", "EPSG:32650",
            "-a_ullr", "440000", "4420000", "451000", "4417000");

        var validation = await _bench.Conformance.ValidateAsync(file, Ct);

        Assert.False(validation.IsValid);
        Assert.Equal(
            [("raster.cog-overviews-missing", FindingSeverity.Warning), ("raster.cog-not-tiled", FindingSeverity.Error)],
            validation.Findings.Select(f => (f.Code, f.Severity)));
    }

    [Fact]
    public async Task ValidateAsync_ZeroByteFile_ReportsEmpty()
    {
        var file = await _bench.WriteAsync([]);

        var validation = await _bench.Conformance.ValidateAsync(file, Ct);

        Assert.False(validation.IsValid);
        Assert.Equal(["raster.empty"], validation.Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task ValidateAsync_TruncatedHeader_ReportsUnreadable()
    {
        var whole = await _bench.CogAsync(64, 64);
        var bytes = await File.ReadAllBytesAsync(whole.FullPath, Ct);
        var file = await _bench.WriteAsync(bytes[..60]);

        var validation = await _bench.Conformance.ValidateAsync(file, Ct);

        Assert.False(validation.IsValid);
        Assert.Equal(["raster.unreadable"], validation.Findings.Select(f => f.Code));
    }
}
