using System.Text.Json;

namespace Marketplace.Cli.Http;

/// <summary>
/// One pipeline step of a product: its state (<c>pending</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c>,
/// <c>skipped</c>), attempts, duration, progress (0 to 1) and findings.
/// </summary>
internal sealed record PipelineStepView(
    string Name,
    string State,
    int Attempts,
    double? DurationMs,
    double Progress,
    JsonElement? Findings,
    string? Error)
{
    /// <summary>The findings, read leniently: members that are missing or of another JSON type do not hide the rest.</summary>
    public IReadOnlyList<FindingView> FindingList() =>
        Findings is { ValueKind: JsonValueKind.Array } findings
            ? [.. findings.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(FindingView.From)]
            : [];
}
