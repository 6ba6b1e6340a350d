using System.Net;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Hosting;

/// <summary>The marketplace with a tiny rate: three requests at once, then one every twenty seconds.</summary>
public sealed class RateLimitedApp(StackFixture stack) : MarketplaceApp(stack)
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["RateLimiting:PermitsPerMinute"] = "3";
        settings["RateLimiting:Burst"] = "3";
    }
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_OverItsRate_Gets429WithRetryAfter_WhileAnotherClientIsServed()
    {
        var greedy = app.DemoClient("demo-commercial-buyer");
        var patient = app.DemoClient("demo-government-buyer");
        var greedyToken = await app.GetTokenAsync(greedy.ClientId, greedy.ClientSecret, Ct);
        var patientToken = await app.GetTokenAsync(patient.ClientId, patient.ClientSecret, Ct);
        using var greedyClient = app.WithToken(greedyToken);
        using var patientClient = app.WithToken(patientToken);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5 && refused is null; i++)
        {
            var response = await greedyClient.GetAsync("/me", Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.InRange(statuses.Count, 2, 4);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate-limited", Ct);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        refused.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await patientClient.GetAsync("/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task HealthProbes_AreNotRateLimited()
    {
        using var client = app.CreateClient();

        for (var i = 0; i < 8; i++)
        {
            using var response = await client.GetAsync("/healthz", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
