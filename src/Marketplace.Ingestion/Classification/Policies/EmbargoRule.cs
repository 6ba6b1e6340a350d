namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// A GSD strictly finer than <paramref name="FinerThanMetres"/> means at least <paramref name="Grade"/> until
/// <paramref name="Hours"/> hours after acquisition.
/// </summary>
public sealed record EmbargoRule(double FinerThanMetres, double Hours, string Grade);
