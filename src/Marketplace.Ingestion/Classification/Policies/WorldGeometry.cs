using NetTopologySuite.Geometries;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// Planar handling of WGS84 polygons near the antimeridian, and their area on the sphere.
/// A ring is first unwrapped (consecutive longitudes never jump more than 180°, so 170..-170 becomes 170..190),
/// then cut into 360°-wide strips and shifted back, so every part lies in [-180, 180]. Polygons around a pole are not
/// supported.
/// </summary>
internal static class WorldGeometry
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>The polygons of <paramref name="geometry"/> unwrapped across the antimeridian (longitudes may leave [-180, 180]).</summary>
    public static Geometry Unwrap(Geometry geometry)
    {
        var factory = geometry.Factory;
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                polygons.Add(UnwrapPolygon(polygon, factory));
            }
        }
        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
    }

    /// <summary>The geometry cut at ±180 and shifted so that all its parts lie in [-180, 180].</summary>
    public static Geometry Normalise(Geometry geometry)
    {
        var unwrapped = Unwrap(geometry);
        var factory = unwrapped.Factory;
        var envelope = unwrapped.EnvelopeInternal;
        var parts = new List<Geometry>();
        var first = (int)Math.Floor((envelope.MinX + 180) / 360);
        var last = (int)Math.Floor((envelope.MaxX + 180) / 360);
        for (var k = first; k <= last; k++)
        {
            var offset = 360.0 * k;
            var strip = factory.ToGeometry(new Envelope(-180 + offset, 180 + offset, -90, 90));
            var part = unwrapped.Intersection(strip);
            if (!part.IsEmpty)
            {
                parts.Add(k == 0 ? part : Shift(part, -offset));
            }
        }
        var polygons = parts.SelectMany(Polygons).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>
    /// Area in km² on a sphere of the mean Earth radius (6371.0088 km), using the spherical excess of each ring
    /// (the Chamberlain–Duquette formula, as in Turf and d3). Holes are subtracted.
    /// </summary>
    public static double AreaKm2(Geometry geometry)
    {
        var unwrapped = Unwrap(geometry);
        var total = 0.0;
        foreach (var polygon in Polygons(unwrapped))
        {
            total += RingArea(polygon.ExteriorRing.Coordinates);
            foreach (var hole in polygon.InteriorRings)
            {
                total -= RingArea(hole.Coordinates);
            }
        }
        return total;
    }

    private static double RingArea(Coordinate[] ring)
    {
        var sum = 0.0;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var a = ring[i];
            var b = ring[i + 1];
            sum += DegreesToRadians(b.X - a.X) * (2 + Math.Sin(DegreesToRadians(a.Y)) + Math.Sin(DegreesToRadians(b.Y)));
        }
        return Math.Abs(sum * EarthRadiusKm * EarthRadiusKm / 2);
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;

    private static IEnumerable<Polygon> Polygons(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon { IsEmpty: false } polygon:
                    yield return polygon;
                    break;
                case GeometryCollection collection:
                    foreach (var inner in Polygons(collection))
                    {
                        yield return inner;
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private static Polygon UnwrapPolygon(Polygon polygon, GeometryFactory factory)
    {
        var shell = UnwrapRing(polygon.ExteriorRing.Coordinates);
        var shellEnvelope = new Envelope(shell);
        var holes = polygon.InteriorRings.Select(hole =>
        {
            var ring = UnwrapRing(hole.Coordinates);
            var centre = new Envelope(ring).Centre.X;
            var shift = 360.0 * Math.Round((shellEnvelope.Centre.X - centre) / 360);
            return factory.CreateLinearRing(shift == 0 ? ring : ring.Select(c => new Coordinate(c.X + shift, c.Y)).ToArray());
        }).ToArray();
        return factory.CreatePolygon(factory.CreateLinearRing(shell), holes);
    }

    private static Coordinate[] UnwrapRing(Coordinate[] ring)
    {
        var result = new Coordinate[ring.Length];
        var offset = 0.0;
        for (var i = 0; i < ring.Length; i++)
        {
            if (i > 0)
            {
                var step = ring[i].X - ring[i - 1].X;
                if (step > 180)
                {
                    offset -= 360;
                }
                else if (step < -180)
                {
                    offset += 360;
                }
            }
            result[i] = new Coordinate(ring[i].X + offset, ring[i].Y);
        }
        return result;
    }

    private static Geometry Shift(Geometry geometry, double dx)
    {
        var copy = geometry.Copy();
        copy.Apply(new ShiftFilter(dx));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ShiftFilter(double dx) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i) => seq.SetX(i, seq.GetX(i) + dx);
    }
}
