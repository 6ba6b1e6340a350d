using NetTopologySuite.Geometries;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>What a policy looks at in a product. Unknown facts are null and no rule needing them fires.</summary>
/// <param name="SensorKind"><c>optical</c>, <c>sar</c> or <c>hyperspectral</c>.</param>
/// <param name="GsdMetres">Ground sample distance in metres.</param>
/// <param name="Footprint">WGS84 footprint (x = longitude); may cross the antimeridian either way.</param>
/// <param name="AcquiredAt">Acquisition time (UTC).</param>
/// <param name="ProductType">Product level or type, e.g. <c>L1A</c>.</param>
/// <param name="TelemetryKind">Telemetry kind, e.g. <c>precise-orbit-ephemeris</c>.</param>
public sealed record ProductDescription(
    string? SensorKind,
    double? GsdMetres,
    Geometry? Footprint,
    DateTimeOffset? AcquiredAt,
    string? ProductType,
    string? TelemetryKind);
