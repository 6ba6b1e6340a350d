namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>
/// Metres on the ground as WGS84 degrees, rounded towards safety: a span of the returned degrees is never shorter on
/// the ground than the metres asked for (a degree of latitude is 110 574 m at the equator and longer towards the
/// poles; a degree of longitude is 111 320 m × cos(latitude)).
/// </summary>
internal static class GroundDistance
{
    public const double MetresPerDegreeLatitudeAtEquator = 110_574;
    public const double MetresPerDegreeLongitudeAtEquator = 111_320;

    /// <summary>Latitudes closer to a pole than about 89.4° are treated as 89.4°, so the degrees stay finite.</summary>
    private const double MinCosine = 0.01;

    /// <summary>Degrees of latitude that span at least <paramref name="metres"/>.</summary>
    public static double LatitudeDegrees(double metres) => metres / MetresPerDegreeLatitudeAtEquator;

    /// <summary>Degrees of longitude that span at least <paramref name="metres"/> at every latitude up to ±<paramref name="maxAbsLatitude"/>.</summary>
    public static double LongitudeDegrees(double metres, double maxAbsLatitude) =>
        metres / (MetresPerDegreeLongitudeAtEquator * Cosine(maxAbsLatitude));

    /// <summary>The shortest ground length of <paramref name="degrees"/> of longitude at latitudes up to ±<paramref name="maxAbsLatitude"/>.</summary>
    public static double LongitudeMetres(double degrees, double maxAbsLatitude) =>
        degrees * MetresPerDegreeLongitudeAtEquator * Cosine(maxAbsLatitude);

    /// <summary>The shortest ground length of <paramref name="degrees"/> of latitude.</summary>
    public static double LatitudeMetres(double degrees) => degrees * MetresPerDegreeLatitudeAtEquator;

    private static double Cosine(double latitude) =>
        Math.Max(Math.Cos(Math.Min(Math.Abs(latitude), 90) * Math.PI / 180), MinCosine);
}
