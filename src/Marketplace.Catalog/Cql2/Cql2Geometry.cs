using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Builds the geometry literals of OGC 21-065r2 CQL2 clause 7 ("Basic Spatial Functions with additional Spatial
/// Literals"): WKT, GeoJSON and bounding boxes, all in WGS 84 (SRID 4326).
/// </summary>
internal static class Cql2Geometry
{
    public const int Srid = 4326;

    /// <summary>Immutable: a floating precision model and the default SRID.</summary>
    public static readonly NtsGeometryServices Services = new(PrecisionModel.Floating.Value, Srid);

    public static readonly GeometryFactory Factory = Services.CreateGeometryFactory(Srid);

    /// <summary>Reads WKT; throws <see cref="ParseException"/> or <see cref="ArgumentException"/> when it is invalid.</summary>
    public static Geometry ReadWkt(string wkt)
    {
        var geometry = new WKTReader(Services).Read(wkt);
        geometry.SRID = Srid;
        return geometry;
    }

    /// <summary>
    /// The polygon of a 2D (<c>w, s, e, n</c>) or 3D (<c>w, s, zmin, e, n, zmax</c>) bounding box, or null with a
    /// reason. A box whose west edge is east of its east edge crosses the antimeridian; callers split such boxes,
    /// this code refuses them rather than silently selecting the rest of the world.
    /// </summary>
    public static Polygon? FromBoundingBox(IReadOnlyList<double> values, out string? error)
    {
        error = null;
        if (values.Count is not (4 or 6))
        {
            error = $"A bounding box has 4 or 6 numbers, not {values.Count}";
            return null;
        }
        var (west, south, east, north) = values.Count == 4
            ? (values[0], values[1], values[2], values[3])
            : (values[0], values[1], values[3], values[4]);
        if (south > north)
        {
            error = $"The bounding box's south edge ({south}) is north of its north edge ({north})";
            return null;
        }
        if (west > east)
        {
            error = $"The bounding box crosses the antimeridian (west {west} > east {east}); split it into two boxes";
            return null;
        }
        return Factory.CreatePolygon(
        [
            new Coordinate(west, south),
            new Coordinate(east, south),
            new Coordinate(east, north),
            new Coordinate(west, north),
            new Coordinate(west, south),
        ]);
    }
}
