using System.Globalization;
using Marketplace.Cli.Http;

namespace Marketplace.Cli.Products;

/// <summary>
/// What changed between two readings of a product, one line each, for consoles that cannot redraw a table (logs,
/// pipes): the status, and each step that started, was tried again, finished, failed or was skipped.
/// </summary>
internal static class PipelineChanges
{
    /// <summary>The lines for <paramref name="after"/>; with no <paramref name="before"/>, its whole state.</summary>
    public static IReadOnlyList<string> Describe(ProductView? before, ProductView after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<string>();
        if (before is null || before.Status != after.Status)
        {
            lines.Add($"status: {after.Status}" + (after.Grade is { } grade && after.Status is ProductStatuses.InReview or ProductStatuses.Published ? $" (grade {grade})" : ""));
        }
        var earlier = (before?.Steps ?? []).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var step in after.Steps ?? [])
        {
            var previous = earlier.GetValueOrDefault(step.Name);
            if (previous is not null && previous.State == step.State && previous.Attempts == step.Attempts)
            {
                continue;
            }
            if (previous is null && step.State == "pending")
            {
                continue;   // planned, nothing happened yet
            }
            lines.Add($"step {step.Name}: {Describe(step)}");
        }
        return lines;
    }

    public static string Describe(PipelineStepView step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.State switch
        {
            "running" => string.Create(CultureInfo.InvariantCulture, $"running (attempt {step.Attempts})"),
            "succeeded" => "succeeded" + Duration(step) + Findings(step),
            "failed" => "failed" + Duration(step) + Findings(step) + (step.Error is { Length: > 0 } error ? $": {error}" : ""),
            "pending" when step.Attempts > 0 => string.Create(CultureInfo.InvariantCulture, $"to be tried again after attempt {step.Attempts}")
                                                + (step.Error is { Length: > 0 } interruption ? $": {interruption}" : ""),
            _ => step.State + (step.Error is { Length: > 0 } reason ? $": {reason}" : ""),
        };
    }

    /// <summary>"2 errors, 1 warning"; empty without findings.</summary>
    public static string FindingCounts(PipelineStepView step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return string.Join(", ", step.FindingList().GroupBy(f => f.Severity)
            .OrderByDescending(g => Array.IndexOf(["info", "warning", "error"], g.Key))
            .Select(g => g.Count() == 1 ? $"1 {g.Key}" : string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}s")));
    }

    private static string Duration(PipelineStepView step) =>
        step.DurationMs is { } ms ? string.Create(CultureInfo.InvariantCulture, $" in {ms / 1000:0.0} s") : "";

    private static string Findings(PipelineStepView step) => FindingCounts(step) is { Length: > 0 } counts ? $" ({counts})" : "";
}
