using System.Globalization;
using System.Text.Json;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Marketplace.Ingestion.Raster;

/// <summary>Maps the JSON of <c>gdalinfo -json</c> (GDAL 3.6) to a <see cref="RasterInfo"/>.</summary>
internal static class GdalInfoReader
{
    private static readonly GeometryFactory Wgs84 = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <exception cref="FormatException">The text is not the JSON gdalinfo writes.</exception>
    public static RasterInfo Read(string json, long fileBytes, RasterStatisticsMode statistics)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var size = root.GetProperty("size");
            var stac = root.TryGetProperty("stac", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            return new RasterInfo(
                size[0].GetInt32(),
                size[1].GetInt32(),
                root.TryGetProperty("bands", out var bands) ? [.. bands.EnumerateArray().Select(ReadBand)] : [],
                ReadCrs(root, stac),
                ReadGeoTransform(root),
                root.TryGetProperty("wgs84Extent", out var extent) ? ReadPolygon(extent) : null,
                ReadDomain(root, "IMAGE_STRUCTURE"),
                fileBytes,
                statistics);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException
                                       or IndexOutOfRangeException or FormatException or ArgumentException)
        {
            throw new FormatException($"gdalinfo's JSON could not be read: {ex.Message}", ex);
        }
    }

    private static RasterBandInfo ReadBand(JsonElement band)
    {
        var block = band.GetProperty("block");
        BandStatistics? statistics = band.TryGetProperty("minimum", out var minimum)
            ? new BandStatistics(minimum.GetDouble(), band.GetProperty("maximum").GetDouble(),
                band.GetProperty("mean").GetDouble(), band.GetProperty("stdDev").GetDouble())
            : null;
        double? validPercent = band.TryGetProperty("metadata", out var metadata)
                               && metadata.TryGetProperty("", out var main)
                               && main.TryGetProperty("STATISTICS_VALID_PERCENT", out var valid)
            ? double.Parse(valid.GetString() ?? "", NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
        return new RasterBandInfo(
            band.GetProperty("band").GetInt32(),
            band.GetProperty("type").GetString() ?? "",
            band.TryGetProperty("noDataValue", out var noData) ? ReadNumber(noData) : null,
            statistics,
            validPercent,
            new RasterSize(block[0].GetInt32(), block[1].GetInt32()),
            band.TryGetProperty("overviews", out var overviews)
                ? [.. overviews.EnumerateArray().Select(o => o.GetProperty("size")).Select(o => new RasterSize(o[0].GetInt32(), o[1].GetInt32()))]
                : [],
            band.TryGetProperty("colorInterpretation", out var color) ? color.GetString() : null);
    }

    /// <summary>A JSON number, or the strings GDAL writes for special values ("NaN", "Infinity", "-Infinity").</summary>
    private static double? ReadNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString()?.ToUpperInvariant() switch
        {
            "NAN" => double.NaN,
            "INF" or "INFINITY" => double.PositiveInfinity,
            "-INF" or "-INFINITY" => double.NegativeInfinity,
            var text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null,
        },
        _ => null,
    };

    private static RasterCrs? ReadCrs(JsonElement root, JsonElement stac)
    {
        if (!root.TryGetProperty("coordinateSystem", out var system)
            || !system.TryGetProperty("wkt", out var wktElement)
            || wktElement.GetString() is not { Length: > 0 } wkt)
        {
            return null;
        }
        int? epsg = stac.ValueKind == JsonValueKind.Object && stac.TryGetProperty("proj:epsg", out var code) && code.ValueKind == JsonValueKind.Number
            ? code.GetInt32()
            : null;
        if (stac.ValueKind == JsonValueKind.Object && stac.TryGetProperty("proj:projjson", out var projJson) && projJson.ValueKind == JsonValueKind.Object)
        {
            var (kind, unit) = ReadProjJson(projJson);
            return new RasterCrs(wkt, epsg, kind, unit);
        }
        var fromWkt = wkt.StartsWith("GEOGCRS", StringComparison.Ordinal) || wkt.StartsWith("GEOGCS", StringComparison.Ordinal)
            ? RasterCrsKind.Geographic
            : wkt.StartsWith("PROJCRS", StringComparison.Ordinal) || wkt.StartsWith("PROJCS", StringComparison.Ordinal)
                ? RasterCrsKind.Projected
                : RasterCrsKind.Other;
        return new RasterCrs(wkt, epsg, fromWkt, null);
    }

    /// <summary>Kind and linear unit from PROJJSON (PROJ's JSON schema v0.5); a compound CRS answers for its horizontal part.</summary>
    private static (RasterCrsKind Kind, double? LinearUnitMetres) ReadProjJson(JsonElement projJson)
    {
        var type = projJson.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "CompoundCRS" && projJson.TryGetProperty("components", out var components) && components.GetArrayLength() > 0)
        {
            return ReadProjJson(components[0]);
        }
        var kind = type switch
        {
            "GeographicCRS" => RasterCrsKind.Geographic,
            "ProjectedCRS" => RasterCrsKind.Projected,
            _ => RasterCrsKind.Other,
        };
        if (kind != RasterCrsKind.Projected
            || !projJson.TryGetProperty("coordinate_system", out var cs)
            || !cs.TryGetProperty("axis", out var axes)
            || axes.GetArrayLength() == 0
            || !axes[0].TryGetProperty("unit", out var unit))
        {
            return (kind, null);
        }
        double? metres = unit.ValueKind switch
        {
            JsonValueKind.String => unit.GetString() switch
            {
                "metre" => 1.0,
                "foot" => 0.3048,
                "US survey foot" => 1200.0 / 3937.0,
                _ => null,
            },
            JsonValueKind.Object when unit.TryGetProperty("conversion_factor", out var factor) => factor.GetDouble(),
            _ => null,
        };
        return (kind, metres);
    }

    private static GeoTransform? ReadGeoTransform(JsonElement root)
    {
        if (!root.TryGetProperty("geoTransform", out var gt) || gt.GetArrayLength() != 6)
        {
            return null;
        }
        return new GeoTransform(gt[0].GetDouble(), gt[1].GetDouble(), gt[2].GetDouble(), gt[3].GetDouble(), gt[4].GetDouble(), gt[5].GetDouble());
    }

    private static Polygon? ReadPolygon(JsonElement geoJson)
    {
        if (!geoJson.TryGetProperty("coordinates", out var rings) || rings.GetArrayLength() == 0)
        {
            return null;
        }
        var shell = rings[0].EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray();
        if (shell.Length < 4 || !shell[0].Equals2D(shell[^1]))
        {
            return null;
        }
        return Wgs84.CreatePolygon(shell);
    }

    private static Dictionary<string, string> ReadDomain(JsonElement root, string domain)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty(domain, out var items) && items.ValueKind == JsonValueKind.Object)
        {
            foreach (var item in items.EnumerateObject())
            {
                values[item.Name] = item.Value.ValueKind == JsonValueKind.String ? item.Value.GetString() ?? "" : item.Value.GetRawText();
            }
        }
        return values;
    }
}
