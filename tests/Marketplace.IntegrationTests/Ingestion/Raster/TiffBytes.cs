using Marketplace.Ingestion.Demo;

namespace Marketplace.IntegrationTests.Ingestion.Raster;

/// <summary>
/// TIFF files written by hand (<see cref="BaselineTiff"/>): rasters gdal_create cannot make (gradients) and headers
/// no tool would write (absurd dimensions).
/// </summary>
internal static class TiffBytes
{
    public static byte[] Gradient(int width, int height, int bands) => BaselineTiff.Gradient(width, height, bands);

    /// <summary>A header that declares <paramref name="width"/> × <paramref name="height"/> × <paramref name="bands"/> pixels over a strip of a few bytes.</summary>
    public static byte[] PixelFlood(uint width, uint height, ushort bands) => BaselineTiff.Build(width, height, bands, BaselineTiff.Deflate, new byte[16]);
}
