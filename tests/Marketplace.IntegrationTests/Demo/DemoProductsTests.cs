using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Api.Hosting;
using Marketplace.Ingestion.Demo;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Marketplace.IntegrationTests.Ingestion.Classification.ClassificationSteps;

namespace Marketplace.IntegrationTests.Demo;

/// <summary>
/// The demo world's three products, as the demo buyers and reviewers meet them: one published as public at once, one
/// waiting in review because of a geofence (with a public derivative once approved), and one controlled that no buyer
/// sees, even once reviewers approve it, and that gets no derivative.
/// </summary>
public sealed class DemoProductsTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private const string Optical = "orbital-eye-optical";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoProducts_PublicPublishes_GeofencedWaitsForReview_ControlledStaysHiddenFromEveryBuyer()
    {
        var folder = Directory.CreateTempSubdirectory("demo-products-");
        try
        {
            var path = Path.Combine(folder.FullName, "demo.json");
            var world = await HostCommands.SeedDemoAsync(app.Services, path, Ct);
            var again = await HostCommands.SeedDemoAsync(app.Services, path, Ct);
            async Task<HttpClient> As(string clientId) =>
                app.WithToken(await app.GetTokenAsync(clientId, world.Clients.Single(c => c.ClientId == clientId).ClientSecret, Ct));
            using var uploader = await As("demo-uploader");
            using var reviewer = await As("demo-reviewer");
            using var government = await As("demo-government-buyer");
            using var commercial = await As("demo-commercial-buyer");
            using var anonymous = app.CreateClient();
            var products = world.Products!;

            Assert.Equal(products, again.Products);
            var open = await WaitForStatusAsync(uploader, products[SeedDemoProducts.OpenCountry], "published", Ct);
            var fenced = await WaitForStatusAsync(uploader, products[SeedDemoProducts.TestRange], "in-review", Ct);
            var atoll = await WaitForStatusAsync(uploader, products[SeedDemoProducts.Atoll], "in-review", Ct);
            Assert.Equal(("published", "public"), (open.GetProperty("status").GetString(), open.GetProperty("grade").GetString()));
            Assert.Equal(("in-review", "sensitive"), (fenced.GetProperty("status").GetString(), fenced.GetProperty("grade").GetString()));
            Assert.Equal(("in-review", "controlled"), (atoll.GetProperty("status").GetString(), atoll.GetProperty("grade").GetString()));
            foreach (var buyer in new[] { anonymous, commercial, government })
            {
                Assert.Equal([SeedDemoProducts.OpenCountry], await VisibleAsync(buyer));
            }

            var fencedReview = await OpenReviewOfAsync(reviewer, products[SeedDemoProducts.TestRange], Ct);
            var atollReview = await OpenReviewOfAsync(reviewer, products[SeedDemoProducts.Atoll], Ct);
            Assert.Equal(1, fencedReview.GetProperty("approvalsRequired").GetInt32());
            Assert.Equal(2, atollReview.GetProperty("approvalsRequired").GetInt32());
            Assert.Equal("date-line-atoll", atollReview.GetProperty("reasons").GetProperty("rules").EnumerateArray()
                .Single(r => r.GetProperty("rule").GetString() == "geofence").GetProperty("condition").GetProperty("id").GetString());
            using var approveFenced = await DecideAsync(reviewer, fencedReview, new { decision = "approve", comment = "Sensitive: test range at 3 m." }, Ct);
            Assert.Equal(HttpStatusCode.OK, approveFenced.StatusCode);
            await WaitForStatusAsync(uploader, products[SeedDemoProducts.TestRange], "published", Ct);
            // Sensitive products get a public derivative where the policy allows: here at the fence's releasable 5 m.
            var derivative = await WaitForProductOfItemAsync(uploader, $"{SeedDemoProducts.TestRange}-public", Ct);
            Assert.Equal("public", derivative.GetProperty("grade").GetString());
            const string released = $"{SeedDemoProducts.TestRange}-public";
            Assert.Equal([SeedDemoProducts.OpenCountry, SeedDemoProducts.TestRange, released], await VisibleAsync(government));
            Assert.Equal([SeedDemoProducts.OpenCountry, released], await VisibleAsync(commercial));

            using var platform = await As("demo-platform-admin");
            using var secondReviewer = await NewReviewerAsync(app, platform, world.Organizations.Single(o => o.Slug == "marketplace-platform").Id, Ct);
            using var first = await DecideAsync(reviewer, atollReview, new { decision = "approve", comment = "Controlled: protected atoll." }, Ct);
            using var second = await DecideAsync(secondReviewer, atollReview, new { decision = "approve", comment = "Agreed, controlled." }, Ct);
            Assert.Equal("approved", (await MarketplaceApp.ReadJsonAsync(second, Ct)).GetProperty("state").GetString());
            await WaitForStatusAsync(uploader, products[SeedDemoProducts.Atoll], "published", Ct);
            await WaitForJobAsync($"derivatives:{products[SeedDemoProducts.Atoll]}");
            Assert.Equal([SeedDemoProducts.OpenCountry, SeedDemoProducts.TestRange, released], await VisibleAsync(government));
            Assert.DoesNotContain((await MarketplaceApp.ReadJsonAsync(await uploader.GetAsync("/products?limit=100", Ct), Ct)).GetProperty("products")
                .EnumerateArray(), p => p.GetProperty("itemId").GetString() == $"{SeedDemoProducts.Atoll}-public");
            Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(government, Optical, SeedDemoProducts.Atoll, Ct));
            using var count = await government.GetAsync($"/aggregate?collections={Optical}&aggregations=total_count", Ct);
            var total = (await MarketplaceApp.ReadJsonAsync(count, Ct)).GetProperty("aggregations").EnumerateArray()
                .Single(a => a.GetProperty("name").GetString() == "total_count").GetProperty("value").GetInt32();
            Assert.Equal(3, total);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Waits until the background job with <paramref name="dedupeKey"/> has run.</summary>
    private async Task WaitForJobAsync(string dedupeKey)
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM jobs.jobs WHERE dedupe_key = $1 AND state = 'Succeeded'");
            command.Parameters.Add(new NpgsqlParameter { Value = dedupeKey });
            if ((long)(await command.ExecuteScalarAsync(Ct))! == 1)
            {
                return;
            }
            await Task.Delay(200, Ct);
        }
        Assert.Fail($"The job {dedupeKey} did not run within 60 s.");
    }

    private static async Task<List<string>> VisibleAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/search", new { collections = new[] { Optical }, limit = 100 }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await MarketplaceApp.ReadJsonAsync(response, Ct);
        return [.. page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }
}
