using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Marketplace.Ingestion.Raster;

/// <summary>
/// What the provider's STAC item draft says about the raster: <c>geometry</c> (WGS 84, RFC 7946), <c>gsd</c> in metres,
/// the number of <c>eo:bands</c>, and the nodata value (<c>raster:bands[].nodata</c>). Any of them may be missing.
/// </summary>
public sealed record RasterDeclaration(Geometry? Geometry, double? Gsd, int? EoBandCount, double? NoData)
{
    /// <summary>
    /// The raster's pixels outside <see cref="Geometry"/> are nodata by construction (a releasable derivative the
    /// platform masked): a geometry within the raster's footprint is then accepted whatever its IoU.
    /// </summary>
    public bool MaskedOutsideGeometry { get; init; }

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The same, with the geometry given as GeoJSON text.</summary>
    /// <exception cref="JsonException">The geometry is not GeoJSON.</exception>
    public static RasterDeclaration FromGeoJson(string? geometry, double? gsd, int? eoBandCount, double? noData) =>
        new(string.IsNullOrWhiteSpace(geometry) ? null : JsonSerializer.Deserialize<Geometry>(geometry, GeoJson), gsd, eoBandCount, noData);
}
