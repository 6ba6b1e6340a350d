using System.Net;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Hosting;

/// <summary>The same binary started as a worker only: probes answer, the API does not.</summary>
public sealed class WorkerOnlyApp(StackFixture stack) : MarketplaceApp(stack)
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Hosting:Roles"] = "worker";
}

public sealed class HostRoleTests(WorkerOnlyApp app) : IClassFixture<WorkerOnlyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WorkerRole_ServesProbesButNoApi()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json", Ct)).StatusCode);
    }
}
