namespace Marketplace.Bench.Catalog;

/// <summary>
/// Footprint polygons drawn in a local plane in kilometres around a centre, then placed on WGS 84: north-aligned
/// grid tiles, rectangles along a ground track, swath edges cutting tiles. Rings are counter-clockwise (RFC 7946),
/// convex, and kept inside ±180° longitude and ±84° latitude.
/// </summary>
internal static class Footprints
{
    private const double KmPerDegreeLatitude = 110.574;
    private const double KmPerDegreeLongitudeAtEquator = 111.320;
    private const double MaxLatitude = 84;

    /// <summary>A north-aligned square of <paramref name="sizeKm"/>, as the local points of its corners.</summary>
    public static List<(double X, double Y)> Square(double sizeKm)
    {
        var h = sizeKm / 2;
        return [(-h, -h), (h, -h), (h, h), (-h, h)];
    }

    /// <summary>
    /// A rectangle <paramref name="widthKm"/> across and <paramref name="lengthKm"/> along a ground track heading
    /// <paramref name="headingDegrees"/> from north, with a vertex every ~250 km along its long sides (long strips
    /// are described like that in real catalogs, and it keeps them close to the track on the sphere).
    /// </summary>
    public static List<(double X, double Y)> Strip(double widthKm, double lengthKm, double headingDegrees)
    {
        var heading = headingDegrees * Math.PI / 180;
        var along = (X: Math.Sin(heading), Y: Math.Cos(heading));
        var across = (X: Math.Cos(heading), Y: -Math.Sin(heading));
        var segments = Math.Max(1, (int)Math.Ceiling(lengthKm / 250));
        var points = new List<(double X, double Y)>(2 * segments + 2);
        (double X, double Y) At(double a, double c) => (along.X * a + across.X * c, along.Y * a + across.Y * c);
        for (var i = 0; i <= segments; i++)
        {
            points.Add(At(-lengthKm / 2 + lengthKm * i / segments, widthKm / 2));
        }
        for (var i = segments; i >= 0; i--)
        {
            points.Add(At(-lengthKm / 2 + lengthKm * i / segments, -widthKm / 2));
        }
        return points;
    }

    /// <summary>
    /// Cuts a convex polygon by a swath edge running along <paramref name="headingDegrees"/>, keeping the part on one
    /// side; <paramref name="keep"/> (0–1) is where the edge falls between the polygon's extremes across the track.
    /// </summary>
    public static List<(double X, double Y)> CutBySwathEdge(List<(double X, double Y)> polygon, double headingDegrees, double keep, bool eastSide)
    {
        var heading = headingDegrees * Math.PI / 180;
        var normal = (X: Math.Cos(heading), Y: -Math.Sin(heading));
        if (eastSide)
        {
            normal = (-normal.X, -normal.Y);
        }
        var projections = polygon.Select(p => p.X * normal.X + p.Y * normal.Y).ToList();
        var limit = projections.Min() + keep * (projections.Max() - projections.Min());
        var result = new List<(double X, double Y)>(polygon.Count + 1);
        for (var i = 0; i < polygon.Count; i++)
        {
            var current = polygon[i];
            var next = polygon[(i + 1) % polygon.Count];
            var pc = projections[i] - limit;
            var pn = projections[(i + 1) % polygon.Count] - limit;
            if (pc <= 0)
            {
                result.Add(current);
            }
            if (pc < 0 != pn < 0 && pc != 0 && pn != 0)
            {
                var t = pc / (pc - pn);
                result.Add((current.X + t * (next.X - current.X), current.Y + t * (next.Y - current.Y)));
            }
        }
        return result;
    }

    /// <summary>Places local points around a centre, shifts the whole footprint inside the valid range, closes the ring.</summary>
    public static double[][] Place(List<(double X, double Y)> local, double longitude, double latitude)
    {
        var ring = new double[local.Count + 1][];
        for (var i = 0; i < local.Count; i++)
        {
            var lat = latitude + local[i].Y / KmPerDegreeLatitude;
            var lon = longitude + local[i].X / (KmPerDegreeLongitudeAtEquator * Math.Cos(Math.Clamp(lat, -89, 89) * Math.PI / 180));
            ring[i] = [lon, lat];
        }
        var shiftLat = Shift(ring.Take(local.Count).Select(p => p[1]), -MaxLatitude, MaxLatitude);
        var shiftLon = Shift(ring.Take(local.Count).Select(p => p[0]), -180, 180);
        for (var i = 0; i < local.Count; i++)
        {
            ring[i][0] = Math.Round(ring[i][0] + shiftLon, 6);
            ring[i][1] = Math.Round(ring[i][1] + shiftLat, 6);
        }
        ring[local.Count] = [ring[0][0], ring[0][1]];
        return ring;
    }

    /// <summary>The kilometres-to-degrees scale of longitude at a latitude.</summary>
    public static double KmPerDegreeLongitude(double latitude) => KmPerDegreeLongitudeAtEquator * Math.Cos(latitude * Math.PI / 180);

    public static double KmPerDegreeLat => KmPerDegreeLatitude;

    private static double Shift(IEnumerable<double> values, double minimum, double maximum)
    {
        var list = values.ToList();
        var low = list.Min();
        var high = list.Max();
        return low < minimum ? minimum - low : high > maximum ? maximum - high : 0;
    }
}
