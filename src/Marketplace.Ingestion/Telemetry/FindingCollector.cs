using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Telemetry;

/// <summary>
/// Collects a check's findings, keeping the first <c>maxPerCode</c> of each code and counting the rest, so a
/// gigabyte file with the same defect in every record yields a bounded report.
/// </summary>
internal sealed class FindingCollector(int maxPerCode)
{
    /// <summary>Default for the per-code cap in every check's options.</summary>
    public const int DefaultMaxPerCode = 50;

    private readonly List<Finding> _listed = [];
    private readonly Dictionary<string, CodeTally> _tallies = new(StringComparer.Ordinal);

    public bool HasErrors { get; private set; }

    public void Add(Finding finding)
    {
        if (finding.Severity == FindingSeverity.Error)
        {
            HasErrors = true;
        }
        if (!_tallies.TryGetValue(finding.Code, out var tally))
        {
            tally = new CodeTally();
            _tallies.Add(finding.Code, tally);
        }
        tally.Total++;
        if (tally.Total <= maxPerCode)
        {
            _listed.Add(finding);
        }
        else if (tally.FirstLeftOut is null)
        {
            tally.FirstLeftOut = finding;
        }
    }

    public void Error(string code, string message, string location) => Add(Finding.Error(code, message, location));

    public void Warning(string code, string message, string location) => Add(Finding.Warning(code, message, location));

    /// <summary>How many findings of <paramref name="code"/> were reported, listed or not.</summary>
    public long Count(string code) => _tallies.TryGetValue(code, out var tally) ? tally.Total : 0;

    /// <summary>The listed findings in the order they were added, then one summary per capped code.</summary>
    public IReadOnlyList<Finding> ToList()
    {
        var findings = new List<Finding>(_listed);
        foreach (var (code, tally) in _tallies)
        {
            if (tally.FirstLeftOut is { } first)
            {
                findings.Add(new Finding(
                    TelemetryFindingCodes.Capped,
                    first.Severity,
                    $"{tally.Total - maxPerCode} more '{code}' findings are not listed ({tally.Total} in all).",
                    first.Location));
            }
        }
        return findings;
    }

    private sealed class CodeTally
    {
        public long Total { get; set; }

        public Finding? FirstLeftOut { get; set; }
    }
}
