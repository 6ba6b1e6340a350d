using NetTopologySuite.Geometries;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// A protected area (WGS84 Polygon or MultiPolygon, longitudes may run past ±180, e.g. 170..190): a footprint that
/// intersects it (touching counts) with a GSD strictly finer than <paramref name="MaxReleasableGsd"/> metres gets at
/// least <paramref name="Grade"/>.
/// </summary>
public sealed record GeofenceRule(string Id, string Name, Geometry Geometry, double MaxReleasableGsd, string Grade);
