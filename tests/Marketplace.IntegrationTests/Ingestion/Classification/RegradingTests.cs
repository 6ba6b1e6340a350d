using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Classification.Regrading;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.IntegrationTests.Ingestion.Classification.ClassificationSteps;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;

namespace Marketplace.IntegrationTests.Ingestion.Classification;

/// <summary>
/// Policy versions installed through the API, and what they change: a new policy re-grades published products at
/// once, an embargo ends on time (fake clock), and four eyes needs two different reviewers.
/// </summary>
public sealed class RegradingTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The example policy with another version, changed by <paramref name="change"/>.</summary>
    private static string Policy(string version, Action<JsonObject>? change = null)
    {
        var policy = JsonNode.Parse(File.ReadAllText(Path.Combine(StacSchemaValidator.FindRepositoryRoot(), "catalog-schemas", "classification-policy", "v1.0.0", "examples", "default.json")))!.AsObject();
        policy["version"] = version;
        change?.Invoke(policy);
        return policy.ToJsonString();
    }

    private static async Task<HttpResponseMessage> InstallAsync(HttpClient client, string document) =>
        await client.PostAsync("/classification/policies", new StringContent(document, System.Text.Encoding.UTF8, "application/json"), Ct);

    [Fact]
    public async Task PolicyVersions_AreInstalledByPlatformAdmins_Checked_Kept_AndReadableByReviewers()
    {
        using var admin = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var reviewer = await app.ClientAsAsync("demo-reviewer", Ct);
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);
        var document = Policy("install-test");

        using var installed = await InstallAsync(admin, document);
        using var twice = await InstallAsync(admin, Policy("install-test", p => p["defaultGrade"] = "restricted"));
        using var byReviewer = await InstallAsync(reviewer, Policy("by-reviewer"));
        using var offScale = await InstallAsync(admin, Policy("off-scale", p => p["rules"]!["embargo"]![0]!["grade"] = "secret"));
        using var badFence = await InstallAsync(admin, Policy("bad-fence", p =>
            p["rules"]!["geofences"]![0]!["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}""")));
        using var otherScale = await InstallAsync(admin, Policy("other-scale", p => p["scale"] = new JsonArray("low", "high")));
        using var notJson = await InstallAsync(admin, "{ not json");

        Assert.Equal(HttpStatusCode.Created, installed.StatusCode);
        var view = await MarketplaceApp.ReadJsonAsync(installed, Ct);
        Assert.True(view.GetProperty("inForce").GetBoolean());
        await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.Conflict, "conflict", Ct);
        await ProblemAssert.IsProblemAsync(byReviewer, HttpStatusCode.Forbidden, "forbidden", Ct);
        var offScaleProblem = await ProblemAssert.IsProblemAsync(offScale, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.True(offScaleProblem.GetProperty("errors").TryGetProperty("$.rules.embargo[0].grade", out _), offScaleProblem.ToString());
        var fenceProblem = await ProblemAssert.IsProblemAsync(badFence, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.True(fenceProblem.GetProperty("errors").TryGetProperty("$.rules.geofences[0].geometry", out _), fenceProblem.ToString());
        var scaleProblem = await ProblemAssert.IsProblemAsync(otherScale, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.True(scaleProblem.GetProperty("errors").TryGetProperty("$.scale", out _), scaleProblem.ToString());
        await ProblemAssert.IsProblemAsync(notJson, HttpStatusCode.BadRequest, "validation", Ct);

        var list = await MarketplaceApp.ReadJsonAsync(await reviewer.GetAsync("/classification/policies", Ct), Ct);
        Assert.Equal("install-test", list[0].GetProperty("version").GetString());
        using var stored = await reviewer.GetAsync("/classification/policies/install-test", Ct);
        Assert.Equal(document, await stored.Content.ReadAsStringAsync(Ct));
        Assert.Equal($"\"{view.GetProperty("sha256").GetString()}\"", stored.Headers.ETag?.Tag);
        using var forUploader = await uploader.GetAsync("/classification/policies", Ct);
        await ProblemAssert.IsProblemAsync(forUploader, HttpStatusCode.Forbidden, "forbidden", Ct);

        await AuditTestLog.SequenceAllAsync(app, Ct);
        using var auditor = await app.ClientAsAsync("demo-auditor", Ct);
        var entries = (await AuditTestLog.EntriesAsync(auditor, Ct)).Select(e => e.GetProperty("entry")).ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "classification.policy-installed"
            && e.GetProperty("policyVersion").GetString() == "install-test");
    }

    [Fact]
    public async Task NewPolicy_RegradesPublishedProducts_AtOnce()
    {
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (productId, view) = await SubmitSceneAsync(uploader, collection, "soon-fenced", OpenCountry, 10, Ct);
        using var admin = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var anonymous = app.CreateClient();
        var restricted = await RestrictedCallerAsync(app, Ct);
        Assert.Equal("public", view.GetProperty("grade").GetString());
        Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(anonymous, collection, "soon-fenced", Ct));

        var fence = JsonNode.Parse("""
            {"id":"new-fence","name":"New protected area","maxReleasableGsd":20,"grade":"restricted",
             "geometry":{"type":"Polygon","coordinates":[[[14,47],[15,47],[15,48],[14,48],[14,47]]]}}
            """)!;
        using var installed = await InstallAsync(admin, Policy("regrade-test", p => p["rules"]!["geofences"]!.AsArray().Add(fence)));
        Assert.Equal(HttpStatusCode.Created, installed.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ItemStatusAsync(anonymous, collection, "soon-fenced", Ct) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(anonymous, collection, "soon-fenced", Ct));
        Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(restricted, collection, "soon-fenced", Ct));
        using var search = await anonymous.GetAsync($"/search?collections={collection}", Ct);
        Assert.Equal(0, (await MarketplaceApp.ReadJsonAsync(search, Ct)).GetProperty("features").GetArrayLength());
        var regraded = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync($"/products/{productId}", Ct), Ct);
        Assert.Equal("restricted", regraded.GetProperty("grade").GetString());
        Assert.Equal("published", regraded.GetProperty("status").GetString());
        Assert.Equal("regrade-test", regraded.GetProperty("gradeReasons").GetProperty("policyVersion").GetString());
        await AuditTestLog.SequenceAllAsync(app, Ct);
        var entries = (await AuditTestLog.EntriesAsync(uploader, Ct)).Select(e => e.GetProperty("entry")).ToList();
        var entry = Assert.Single(entries, e => e.GetProperty("action").GetString() == "product.regraded");
        Assert.Equal("public", entry.GetProperty("details").GetProperty("from").GetString());
        Assert.Equal("restricted", entry.GetProperty("details").GetProperty("to").GetString());
        Assert.Equal("regrade-test", entry.GetProperty("policyVersion").GetString());
    }

    [Fact]
    public async Task Embargo_GradesRecentFineImageryHigher_UntilItEnds_ThenRegradesOnTime()
    {
        using var admin = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var installed = await InstallAsync(admin, Policy("embargo-test", p =>
            p["rules"]!["embargo"] = JsonNode.Parse("""[{"finerThanMetres":5,"hours":48,"grade":"restricted"}]""")));
        Assert.Equal(HttpStatusCode.Created, installed.StatusCode);
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var acquired = DateTimeOffset.UtcNow.AddHours(-1);
        var (productId, view) = await SubmitSceneAsync(uploader, collection, "fresh", OpenCountry, 3, Ct, acquired);
        using var anonymous = app.CreateClient();

        Assert.Equal("published", view.GetProperty("status").GetString());
        Assert.Equal("restricted", view.GetProperty("grade").GetString());
        var regradeAt = view.GetProperty("gradeReasons").GetProperty("regradeAt").GetDateTimeOffset();
        Assert.InRange((regradeAt - acquired.AddHours(48)).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(anonymous, collection, "fresh", Ct));

        await RegradeAtAsync(productId, regradeAt.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(anonymous, collection, "fresh", Ct));
        await RegradeAtAsync(productId, regradeAt.AddMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(anonymous, collection, "fresh", Ct));
        var after = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync($"/products/{productId}", Ct), Ct);
        Assert.Equal("public", after.GetProperty("grade").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("gradeReasons").GetProperty("regradeAt").ValueKind);
    }

    [Fact]
    public async Task FourEyes_NeedsTwoDifferentReviewers()
    {
        using var admin = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var installed = await InstallAsync(admin, Policy("four-eyes-test", p => p["fourEyesFrom"] = "sensitive"));
        Assert.Equal(HttpStatusCode.Created, installed.StatusCode);
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (productId, view) = await SubmitSceneAsync(uploader, collection, "four-eyes", InsideTestRange, 3, Ct);
        using var first = await app.ClientAsAsync("demo-reviewer", Ct);
        using var second = await NewReviewerAsync(app, admin, app.Demo.Organizations.Single(o => o.Slug == "marketplace-platform").Id, Ct);
        using var government = await app.ClientAsAsync("demo-government-buyer", Ct);
        Assert.Equal("in-review", view.GetProperty("status").GetString());
        var review = await OpenReviewOfAsync(first, productId, Ct);
        Assert.Equal(2, review.GetProperty("approvalsRequired").GetInt32());

        using var once = await DecideAsync(first, review, new { decision = "approve", comment = "Sensitive, as graded." }, Ct);
        Assert.Equal("open", (await MarketplaceApp.ReadJsonAsync(once, Ct)).GetProperty("state").GetString());
        using var twice = await DecideAsync(first, review, new { decision = "approve", comment = "Still sensitive." }, Ct);
        await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.Conflict, "conflict", Ct);
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(government, collection, "four-eyes", Ct));
        using var byOther = await DecideAsync(second, review, new { decision = "approve", comment = "Agreed." }, Ct);
        var closed = await MarketplaceApp.ReadJsonAsync(byOther, Ct);

        Assert.Equal("approved", closed.GetProperty("state").GetString());
        Assert.Equal(2, closed.GetProperty("approvals").GetInt32());
        Assert.Equal(2, closed.GetProperty("decisions").GetArrayLength());
        await WaitForStatusAsync(uploader, productId, "published", Ct);
        Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(government, collection, "four-eyes", Ct));
    }

    /// <summary>Runs the re-grading of one product as the worker would at <paramref name="now"/>.</summary>
    private async Task RegradeAtAsync(Guid productId, DateTimeOffset now)
    {
        var handler = ActivatorUtilities.CreateInstance<RegradeProducts>(app.Services, (TimeProvider)new FakeTimeProvider(now));
        await handler.RunAsync(new ClaimedJob(0, RegradeJob.Queue, RegradeJob.At(productId, now).Payload, 1, 1), Ct);
    }
}
