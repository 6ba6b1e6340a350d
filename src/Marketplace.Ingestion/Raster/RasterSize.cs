namespace Marketplace.Ingestion.Raster;

/// <summary>Width and height in pixels (of an image, a block or an overview).</summary>
public readonly record struct RasterSize(int Width, int Height);
