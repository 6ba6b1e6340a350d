using System.Text.Json.Nodes;
using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Pipeline;

/// <summary>
/// What a step found and established. It passes when no finding is an error; <see cref="Output"/> holds the facts the
/// certification report quotes (inputs, thresholds, measured values).
/// </summary>
public sealed record StepResult(IReadOnlyList<Finding> Findings, JsonObject Output)
{
    public bool Passed => Findings.All(f => f.Severity != FindingSeverity.Error);

    public static StepResult Of(IEnumerable<Finding> findings, JsonObject? output = null) => new([.. findings], output ?? []);
}
