namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>A GSD strictly finer than (below) <paramref name="FinerThanMetres"/> means at least <paramref name="Grade"/>.</summary>
public sealed record ResolutionRule(double FinerThanMetres, string Grade);
