using System.Net;
using System.Net.Http.Json;
using Marketplace.IntegrationTests.Infrastructure;
using static Marketplace.IntegrationTests.Ingestion.Classification.ClassificationSteps;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;

namespace Marketplace.IntegrationTests.Ingestion.Classification;

/// <summary>
/// The review queue under the initial policy (the example of catalog-schemas/classification-policy): a product in a
/// geofence waits for a reviewer and no buyer sees it until a decision; decisions need a comment and the reviewer role.
/// </summary>
public sealed class ReviewQueueTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GeofencedProduct_WaitsForReview_IsHiddenUntilApproved_ThenVisibleOnlyToClearedBuyers()
    {
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (productId, view) = await SubmitSceneAsync(uploader, collection, "fenced", InsideTestRange, 3, Ct);
        using var reviewer = await app.ClientAsAsync("demo-reviewer", Ct);
        using var government = await app.ClientAsAsync("demo-government-buyer", Ct);
        using var commercial = await app.ClientAsAsync("demo-commercial-buyer", Ct);
        using var anonymous = app.CreateClient();

        Assert.Equal("in-review", view.GetProperty("status").GetString());
        Assert.Equal("sensitive", view.GetProperty("grade").GetString());
        var rules = view.GetProperty("gradeReasons").GetProperty("rules").EnumerateArray().ToList();
        var fence = Assert.Single(rules, r => r.GetProperty("rule").GetString() == "geofence");
        Assert.False(fence.GetProperty("condition").TryGetProperty("id", out _), "The provider must not learn which protected site it is.");
        Assert.Equal(5, fence.GetProperty("condition").GetProperty("maxReleasableGsd").GetDouble());
        Assert.Equal(3, fence.GetProperty("inputs").GetProperty("gsd").GetDouble());
        Assert.Equal("1.0.0", view.GetProperty("gradeReasons").GetProperty("policyVersion").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(government, collection, "fenced", Ct));

        var review = await OpenReviewOfAsync(reviewer, productId, Ct);
        using (var reportForReviewer = await reviewer.GetAsync($"/products/{productId}/certification", Ct))
        using (var dataForReviewer = await reviewer.GetAsync($"/products/{productId}/assets/data", Ct))
        using (var reportForBuyer = await government.GetAsync($"/products/{productId}/certification", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, reportForReviewer.StatusCode);
            Assert.Equal(HttpStatusCode.OK, dataForReviewer.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, reportForBuyer.StatusCode);
        }
        Assert.Equal("sensitive", review.GetProperty("grade").GetString());
        Assert.Equal("test-range-with-town", review.GetProperty("reasons").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("rule").GetString() == "geofence").GetProperty("condition").GetProperty("id").GetString());
        Assert.Equal(1, review.GetProperty("approvalsRequired").GetInt32());
        Assert.Equal("fenced", review.GetProperty("item").GetProperty("id").GetString());
        using (var byBuyer = await commercial.GetAsync("/reviews", Ct))
        {
            await ProblemAssert.IsProblemAsync(byBuyer, HttpStatusCode.Forbidden, "forbidden", Ct);
        }
        using (var buyerDecision = await DecideAsync(government, review, new { decision = "approve", comment = "Looks fine." }, Ct))
        {
            await ProblemAssert.IsProblemAsync(buyerDecision, HttpStatusCode.Forbidden, "forbidden", Ct);
        }
        using (var noComment = await DecideAsync(reviewer, review, new { decision = "approve" }, Ct))
        {
            var problem = await ProblemAssert.IsProblemAsync(noComment, HttpStatusCode.BadRequest, "validation", Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty("comment", out _), problem.ToString());
        }
        using (var blankComment = await DecideAsync(reviewer, review, new { decision = "approve", comment = "   " }, Ct))
        {
            await ProblemAssert.IsProblemAsync(blankComment, HttpStatusCode.BadRequest, "validation", Ct);
        }
        using (var badGrade = await DecideAsync(reviewer, review, new { decision = "regrade", grade = "top-secret", comment = "No." }, Ct))
        {
            var problem = await ProblemAssert.IsProblemAsync(badGrade, HttpStatusCode.BadRequest, "validation", Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty("grade", out _), problem.ToString());
        }
        Assert.Equal("open", (await OpenReviewOfAsync(reviewer, productId, Ct)).GetProperty("state").GetString());

        using var approved = await DecideAsync(reviewer, review, new { decision = "approve", comment = "Test range imagery at 3 m: sensitive is right." }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var closed = await MarketplaceApp.ReadJsonAsync(approved, Ct);
        Assert.Equal("approved", closed.GetProperty("state").GetString());
        var published = await WaitForStatusAsync(uploader, productId, "published", Ct);
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(government, collection, "fenced", Ct));
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(commercial, collection, "fenced", Ct));
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(anonymous, collection, "fenced", Ct));
        using (var again = await DecideAsync(reviewer, review, new { decision = "reject", comment = "Changed my mind." }, Ct))
        {
            await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "conflict", Ct);
        }

        await AuditTestLog.SequenceAllAsync(app, Ct);
        var entries = (await AuditTestLog.EntriesAsync(uploader, Ct)).Select(e => e.GetProperty("entry")).ToList();
        var decided = Assert.Single(entries, e => e.GetProperty("action").GetString() == "review.decided");
        Assert.Equal("approve", decided.GetProperty("details").GetProperty("decision").GetString());
        Assert.Equal("Test range imagery at 3 m: sensitive is right.", decided.GetProperty("details").GetProperty("comment").GetString());
        Assert.Equal("1.0.0", decided.GetProperty("policyVersion").GetString());
        var requested = Assert.Single(entries, e => e.GetProperty("action").GetString() == "product.review-requested");
        Assert.Contains("geofence", requested.GetProperty("details").GetProperty("reasons").GetString());
        Assert.DoesNotContain("test-range-with-town", requested.GetProperty("details").GetProperty("reasons").GetString());
    }

    [Fact]
    public async Task Reject_EndsTheProduct_AndRegrade_PublishesUnderTheReviewersGrade()
    {
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (rejectedId, _) = await SubmitSceneAsync(uploader, collection, "to-reject", InsideTestRange, 3, Ct);
        var (regradedId, _) = await SubmitSceneAsync(uploader, collection, "to-regrade", InsideTestRange, 3, Ct);
        using var reviewer = await app.ClientAsAsync("demo-reviewer", Ct);
        var restricted = await RestrictedCallerAsync(app, Ct);

        using var reject = await DecideAsync(reviewer, await OpenReviewOfAsync(reviewer, rejectedId, Ct),
            new { decision = "reject", comment = "Shows the range's new building." }, Ct);
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        using (var firstPage = await reviewer.GetAsync("/reviews?limit=1&state=all", Ct))
        {
            var page = await MarketplaceApp.ReadJsonAsync(firstPage, Ct);
            Assert.Single(page.GetProperty("reviews").EnumerateArray());
            using var secondPage = await reviewer.GetAsync(page.GetProperty("next").GetString(), Ct);
            var next = await MarketplaceApp.ReadJsonAsync(secondPage, Ct);
            Assert.True(next.TryGetProperty("reviews", out _), $"{page.GetProperty("next").GetString()}: {secondPage.StatusCode} {next}");
            Assert.NotEqual(page.GetProperty("reviews")[0].GetProperty("id").GetGuid(), next.GetProperty("reviews")[0].GetProperty("id").GetGuid());
        }
        using var regrade = await DecideAsync(reviewer, await OpenReviewOfAsync(reviewer, regradedId, Ct),
            new { decision = "regrade", grade = "restricted", comment = "Only the empty northern edge of the range." }, Ct);
        Assert.Equal(HttpStatusCode.OK, regrade.StatusCode);
        var regraded = await MarketplaceApp.ReadJsonAsync(regrade, Ct);

        var rejectedView = await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync($"/products/{rejectedId}", Ct), Ct);
        Assert.Equal("rejected", rejectedView.GetProperty("status").GetString());
        Assert.Contains("Shows the range's new building.", rejectedView.GetProperty("rejectionReason").GetString());
        Assert.Equal("approved", regraded.GetProperty("state").GetString());
        Assert.Equal("restricted", regraded.GetProperty("grade").GetString());
        Assert.Equal("sensitive", regraded.GetProperty("policyGrade").GetString());
        var published = await WaitForStatusAsync(uploader, regradedId, "published", Ct);
        Assert.Equal("restricted", published.GetProperty("grade").GetString());
        Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(restricted, collection, "to-regrade", Ct));
        using var item = await restricted.GetAsync($"/collections/{collection}/items/to-regrade", Ct);
        Assert.Equal("restricted", (await MarketplaceApp.ReadJsonAsync(item, Ct)).GetProperty("properties").GetProperty("marketplace:grade").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(restricted, collection, "to-reject", Ct));
    }

    [Fact]
    public async Task ProductOutsideEveryFence_PublishesWithoutReview_AsPublic()
    {
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (_, view) = await SubmitSceneAsync(uploader, collection, "open-country", OpenCountry, 10, Ct);
        using var anonymous = app.CreateClient();

        Assert.Equal("published", view.GetProperty("status").GetString());
        Assert.Equal("public", view.GetProperty("grade").GetString());
        Assert.Equal("default", view.GetProperty("gradeReasons").GetProperty("rules")[0].GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, await ItemStatusAsync(anonymous, collection, "open-country", Ct));
    }

    [Fact]
    public async Task Reviewers_DecideFromTheCommandLine()
    {
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (productId, _) = await SubmitSceneAsync(uploader, collection, "from-cli", InsideTestRange, 3, Ct);
        using var cli = new CliRunner(app);

        var listed = await cli.RunAsync("demo-reviewer", ["reviews", "--json"], Ct);
        var table = await cli.RunAsync("demo-reviewer", ["reviews"], Ct);
        var byBuyer = await cli.RunAsync("demo-commercial-buyer", ["reviews"], Ct);
        Assert.Equal(0, listed.ExitCode);
        var review = System.Text.Json.JsonDocument.Parse(listed.Output).RootElement.EnumerateArray()
            .Single(r => r.GetProperty("product").GetGuid() == productId);
        var reviewId = review.GetProperty("id").GetGuid().ToString();
        Assert.Contains(reviewId, table.Output, StringComparison.Ordinal);
        Assert.Contains($"{collection}/from-cli", table.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, byBuyer.ExitCode);
        var noChoice = await cli.RunAsync("demo-reviewer", ["reviews", "decide", reviewId, "--comment", "Fine."], Ct);
        var noComment = await cli.RunAsync("demo-reviewer", ["reviews", "decide", reviewId, "--approve"], Ct);
        Assert.NotEqual(0, noChoice.ExitCode);
        Assert.NotEqual(0, noComment.ExitCode);
        Assert.Equal("open", (await OpenReviewOfAsync(await app.ClientAsAsync("demo-reviewer", Ct), productId, Ct)).GetProperty("state").GetString());

        var decided = await cli.RunAsync("demo-reviewer", ["reviews", "decide", reviewId, "--regrade", "restricted", "--comment", "Only fields at the range's edge."], Ct);

        Assert.True(decided.ExitCode == 0, decided.Output);
        Assert.Contains("approved", decided.Output, StringComparison.Ordinal);
        Assert.Contains("Only fields at the range's edge.", decided.Output, StringComparison.Ordinal);
        var published = await WaitForStatusAsync(uploader, productId, "published", Ct);
        Assert.Equal("restricted", published.GetProperty("grade").GetString());
    }

    [Fact]
    public async Task WithdrawingAProductInReview_ClosesItsReview()
    {
        var (uploader, _) = await Uploads.UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var (productId, _) = await SubmitSceneAsync(uploader, collection, "withdrawn-in-review", InsideTestRange, 3, Ct);
        using var reviewer = await app.ClientAsAsync("demo-reviewer", Ct);
        var review = await OpenReviewOfAsync(reviewer, productId, Ct);

        using var withdrawn = await uploader.PostAsync($"/products/{productId}/withdraw", null, Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var closed = await MarketplaceApp.ReadJsonAsync(await reviewer.GetAsync($"/reviews/{review.GetProperty("id").GetGuid()}", Ct), Ct);
        using var late = await DecideAsync(reviewer, review, new { decision = "approve", comment = "Too late." }, Ct);

        Assert.Equal("superseded", closed.GetProperty("state").GetString());
        Assert.Equal("The provider withdrew the product.", closed.GetProperty("closedBecause").GetString());
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict, "conflict", Ct);
    }
}
