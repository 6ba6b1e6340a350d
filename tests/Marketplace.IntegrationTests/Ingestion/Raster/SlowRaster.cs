using Marketplace.Platform.Gdal;

namespace Marketplace.IntegrationTests.Ingestion.Raster;

/// <summary>
/// A 144-megapixel constant raster in one DEFLATE strip: about 150 KB on disk and half a second of
/// <c>gdalinfo -stats</c>, made once per test class that needs a run long enough to time out, cancel or watch.
/// </summary>
public sealed class SlowRaster : IDisposable
{
    private readonly RasterWorkbench _bench = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GdalWorkFile? _file;

    public async Task<string> PathAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _file ??= await _bench.CreateAsync("-outsize", "12000", "12000", "-burn", "1", "-co", "COMPRESS=DEFLATE", "-co", "BLOCKYSIZE=12000");
            return _file.FullPath;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _bench.Dispose();
        _gate.Dispose();
    }
}
