namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>The rules of a policy, by kind. A missing kind has no rules.</summary>
/// <param name="Resolution">Resolution thresholds per sensor kind.</param>
/// <param name="Geofences">Protected areas.</param>
/// <param name="Embargo">Time-limited resolution limits after acquisition.</param>
/// <param name="ProductTypes">Product level or type (e.g. <c>L1A</c>), matched exactly, to its minimum grade.</param>
/// <param name="Telemetry">Telemetry kind (e.g. <c>precise-orbit-ephemeris</c>), matched exactly, to its minimum grade.</param>
/// <param name="CoveredArea">Footprint area thresholds.</param>
public sealed record PolicyRules(
    ResolutionRules? Resolution,
    IReadOnlyList<GeofenceRule>? Geofences,
    IReadOnlyList<EmbargoRule>? Embargo,
    IReadOnlyDictionary<string, string>? ProductTypes,
    IReadOnlyDictionary<string, string>? Telemetry,
    IReadOnlyList<CoveredAreaRule>? CoveredArea);
