using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Telemetry;

namespace Marketplace.UnitTests.Ingestion.Telemetry;

public sealed class FindingCollectorTests
{
    [Fact]
    public void ToList_MoreFindingsOfOneCodeThanTheCap_ListsTheFirstAndSummarisesTheRest()
    {
        var collector = new FindingCollector(maxPerCode: 3);
        for (var i = 1; i <= 5; i++)
        {
            collector.Warning("demo.repeated", $"occurrence {i}", $"line {i}");
        }
        collector.Error("demo.other", "once", "line 9");

        var findings = collector.ToList();

        Assert.Equal(["demo.repeated", "demo.repeated", "demo.repeated", "demo.other", TelemetryFindingCodes.Capped],
            findings.Select(f => f.Code));
        var capped = findings[^1];
        Assert.Equal(FindingSeverity.Warning, capped.Severity);
        Assert.Equal("line 4", capped.Location);
        Assert.Equal("2 more 'demo.repeated' findings are not listed (5 in all).", capped.Message);
        Assert.Equal(5, collector.Count("demo.repeated"));
        Assert.True(collector.HasErrors);
    }

    [Fact]
    public void ToList_AtTheCap_AddsNoSummary()
    {
        var collector = new FindingCollector(maxPerCode: 2);
        collector.Warning("demo.repeated", "a", "line 1");
        collector.Warning("demo.repeated", "b", "line 2");

        Assert.Equal(2, collector.ToList().Count);
        Assert.False(collector.HasErrors);
    }
}
