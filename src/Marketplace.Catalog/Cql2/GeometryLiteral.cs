using NetTopologySuite.Geometries;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// A geometry literal (OGC 21-065r2 CQL2 clause 7, "Basic Spatial Functions" and "Basic Spatial Functions with
/// additional Spatial Literals": WKT or <c>BBOX(w, s, e, n)</c> in cql2-text, a GeoJSON geometry or
/// <c>{"bbox": [...]}</c> in cql2-json). Coordinates are WGS 84 longitude/latitude; <see cref="Value"/> has SRID
/// 4326. A bounding box becomes the equivalent polygon. Literals compare equal when their geometries are exactly equal.
/// </summary>
public sealed record GeometryLiteral(Geometry Value) : Cql2Expression
{
    public bool Equals(GeometryLiteral? other) =>
        other is not null && Value.SRID == other.Value.SRID && Value.EqualsExact(other.Value);

    public override int GetHashCode() => HashCode.Combine(Value.SRID, Value.EnvelopeInternal);
}
