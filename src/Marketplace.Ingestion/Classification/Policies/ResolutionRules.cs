namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>Resolution thresholds per sensor kind.</summary>
public sealed record ResolutionRules(
    IReadOnlyList<ResolutionRule>? Optical,
    IReadOnlyList<ResolutionRule>? Sar,
    IReadOnlyList<ResolutionRule>? Hyperspectral)
{
    /// <summary>The thresholds of a sensor kind (<c>optical</c>, <c>sar</c>, <c>hyperspectral</c>); none for other kinds.</summary>
    public IReadOnlyList<ResolutionRule> For(string? sensorKind) => sensorKind switch
    {
        "optical" => Optical ?? [],
        "sar" => Sar ?? [],
        "hyperspectral" => Hyperspectral ?? [],
        _ => [],
    };
}
