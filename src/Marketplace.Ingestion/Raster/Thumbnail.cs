using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Raster;

/// <summary>The outcome of <see cref="ThumbnailMaker.MakeAsync"/>.</summary>
/// <param name="File">The PNG in the source's workspace; null when it could not be made.</param>
/// <param name="Findings">Why there is no thumbnail; empty when there is one.</param>
/// <param name="Size">The PNG's size in pixels (zero when none was made).</param>
public sealed record Thumbnail(GdalWorkFile? File, RasterSize Size, IReadOnlyList<Finding> Findings);
