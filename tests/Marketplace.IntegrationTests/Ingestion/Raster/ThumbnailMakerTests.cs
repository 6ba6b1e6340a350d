using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Raster;

namespace Marketplace.IntegrationTests.Ingestion.Raster;

public sealed class ThumbnailMakerTests : IDisposable
{
    private readonly RasterWorkbench _bench = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task MakeAsync_Cog_WritesAPngAtMost512PixelsWide()
    {
        var file = await _bench.CogAsync(1200, 600);
        var inspection = await _bench.Inspector.InspectAsync(file, Ct);

        var thumbnail = await _bench.Thumbnails.MakeAsync(file, inspection.Info!, Ct);

        Assert.Empty(thumbnail.Findings);
        Assert.Equal(new RasterSize(512, 256), thumbnail.Size);
        var png = await File.ReadAllBytesAsync(thumbnail.File!.FullPath, Ct);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // IHDR: width and height, big-endian, at bytes 16–23.
        Assert.Equal(512, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(256, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(2, png[25]); // colour type 2: RGB
    }

    [Fact]
    public async Task MakeAsync_TinyTimeout_ReturnsAWarningAndNoFile()
    {
        var file = await _bench.CogAsync(64, 64);
        var info = (await _bench.Inspector.InspectAsync(file, Ct)).Info!;
        using var slow = new RasterWorkbench(gdal: o => o.TimeoutSeconds = 0.01);
        var copy = await slow.ImportAsync(file.FullPath);

        var thumbnail = await slow.Thumbnails.MakeAsync(copy, info, Ct);

        Assert.Null(thumbnail.File);
        var finding = Assert.Single(thumbnail.Findings);
        Assert.Equal(("raster.timeout", FindingSeverity.Warning), (finding.Code, finding.Severity));
    }
}
