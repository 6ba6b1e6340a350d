using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Telemetry;

/// <summary>
/// What a telemetry check found in one asset: the findings (in file order, repeated codes capped, see
/// <see cref="TelemetryFindingCodes.Capped"/>) and a small summary of facts for the certification report.
/// </summary>
/// <typeparam name="TSummary">The check's own summary record (counts, ranges).</typeparam>
public sealed record TelemetryCheckResult<TSummary>(IReadOnlyList<Finding> Findings, TSummary Summary)
    where TSummary : notnull
{
    /// <summary>True when no finding is an error; warnings and information do not reject the asset.</summary>
    public bool Passed => Findings.All(f => f.Severity != FindingSeverity.Error);
}
