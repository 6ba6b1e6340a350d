namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>A footprint area strictly above <paramref name="AboveKm2"/> km² means at least <paramref name="Grade"/>.</summary>
public sealed record CoveredAreaRule(double AboveKm2, string Grade);
