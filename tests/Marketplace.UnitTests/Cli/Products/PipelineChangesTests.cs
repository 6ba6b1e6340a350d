using System.Text.Json;
using Marketplace.Cli.Http;
using Marketplace.Cli.Products;

namespace Marketplace.UnitTests.Cli.Products;

public sealed class PipelineChangesTests
{
    private static readonly JsonElement NoFindings = JsonDocument.Parse("[]").RootElement;

    [Fact]
    public void Describe_FirstReading_GivesTheStatusAndStartedSteps()
    {
        var product = Product("certifying", Step("integrity", "succeeded", 1, 420), Step("certification", "running", 1), Step("publication", "pending", 0));

        Assert.Equal(["status: certifying", "step integrity: succeeded in 0.4 s", "step certification: running (attempt 1)"],
            PipelineChanges.Describe(null, product));
    }

    [Fact]
    public void Describe_NothingChanged_GivesNoLine()
    {
        var product = Product("certifying", Step("integrity", "running", 1));

        Assert.Empty(PipelineChanges.Describe(product, product with { UpdatedAt = product.UpdatedAt.AddSeconds(1) }));
    }

    [Fact]
    public void Describe_StepFailedAndProductRejected_SaysSoWithTheFindingCounts()
    {
        var findings = JsonDocument.Parse("""
            [{"code": "raster.crs-missing", "severity": "error", "message": "No CRS.", "location": "data"},
             {"code": "raster.nodata", "severity": "warning", "message": "No nodata value."},
             {"code": "raster.size", "severity": "error", "message": "Too small."}]
            """).RootElement;
        var before = Product("certifying", Step("certification", "running", 1));
        var after = Product("rejected", Step("certification", "failed", 1, 1500, findings));

        Assert.Equal(["status: rejected", "step certification: failed in 1.5 s (2 errors, 1 warning)"], PipelineChanges.Describe(before, after));
    }

    [Fact]
    public void Describe_StepTriedAgain_SaysTheAttempt()
    {
        var before = Product("certifying", Step("certification", "running", 1));
        var after = Product("certifying", Step("certification", "running", 2));

        Assert.Equal(["step certification: running (attempt 2)"], PipelineChanges.Describe(before, after));
    }

    [Fact]
    public void Describe_AttemptInterrupted_SaysItWillBeTriedAgainAndWhy()
    {
        var before = Product("certifying", Step("raster", "running", 2));
        var after = Product("certifying", Step("raster", "pending", 2) with { Error = "IOException: storage unreachable" });

        Assert.Equal(["step raster: to be tried again after attempt 2: IOException: storage unreachable"], PipelineChanges.Describe(before, after));
    }

    [Fact]
    public void Describe_InReviewWithAGrade_NamesTheGrade()
    {
        var product = Product("in-review") with { Grade = "restricted" };

        Assert.Equal(["status: in-review (grade restricted)"], PipelineChanges.Describe(null, product));
    }

    [Fact]
    public void FindingList_NumericSeverityAndMissingMembers_AreReadLeniently()
    {
        var findings = JsonDocument.Parse("""[{"code": "a", "severity": 2, "message": "m", "location": {"line": 3}}, {"severity": "Warning"}, 7]""").RootElement;

        var list = Step("s", "failed", 1, 1, findings).FindingList();

        Assert.Equal([new FindingView("a", "error", "m", """{"line": 3}"""), new FindingView("?", "warning", "", null)], list);
    }

    private static ProductView Product(string status, params PipelineStepView[] steps) =>
        new(Guid.Parse("0197a000-0000-7000-8000-000000000001"), "optical-l2a", "scene-1", 1, status, null, null,
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), steps, []);

    private static PipelineStepView Step(string name, string state, int attempts, double? durationMs = null, JsonElement? findings = null) =>
        new(name, state, attempts, durationMs, state == "running" ? 0.5 : 1, findings ?? NoFindings, null);
}
