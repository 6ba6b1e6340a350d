using System.Net;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.IntegrationTests.Operations;

public sealed class OperationsTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_IsAlive()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DatabaseSessions_PlanEachPreparedStatementWithItsOwnValues()
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand("SHOW plan_cache_mode");

        var mode = (string?)await command.ExecuteScalarAsync(Ct);

        Assert.Equal("force_custom_plan", mode);
    }

    [Fact]
    public async Task Readyz_ChecksPostgisBlobStorageAndGdal()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await MarketplaceApp.ReadJsonAsync(response, Ct)).GetProperty("checks");
        Assert.StartsWith("PostGIS 3.", checks.GetProperty("postgresql").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("healthy", checks.GetProperty("blob-storage").GetProperty("status").GetString());
        Assert.StartsWith("GDAL 3.", checks.GetProperty("gdal").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ExposeHttpServerDurationsInPrometheusFormat()
    {
        using var client = app.CreateClient();
        (await client.GetAsync("/", Ct)).Dispose();

        var metrics = "";
        for (var attempt = 0; attempt < 20 && !metrics.Contains("http_server_request_duration_seconds", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(250, Ct);
            metrics = await client.GetStringAsync("/metrics", Ct);
        }

        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_Is31AndDescribesTheIdentityEndpointsAndOAuth2()
    {
        using var client = app.CreateClient();

        var document = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/openapi/v1.json", Ct), Ct);

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/organizations/{organizationId}/clients", out _));
        Assert.True(paths.TryGetProperty("/me", out _));
        Assert.Equal("oauth2", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Docs_ServeTheInteractiveReference()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/docs/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/scalar.js", Ct)).StatusCode);
    }

    [Fact]
    public async Task LandingPage_LinksServiceDescriptionDocsAndTokenEndpoint()
    {
        using var client = app.CreateClient();

        var landing = await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/", Ct), Ct);

        var rels = landing.GetProperty("links").EnumerateArray().GroupBy(l => l.GetProperty("rel").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("href").GetString()!);
        Assert.EndsWith("/openapi/v1.json", rels["service-desc"], StringComparison.Ordinal);
        Assert.EndsWith("/docs", rels["service-doc"], StringComparison.Ordinal);
        Assert.EndsWith("/connect/token", rels["token"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemTypes_AreDereferenceable()
    {
        using var client = app.CreateClient();
        using var unauthenticated = await client.GetAsync("/me", Ct);
        var type = (await MarketplaceApp.ReadJsonAsync(unauthenticated, Ct)).GetProperty("type").GetString()!;

        using var description = await client.GetAsync(type, Ct);

        Assert.Equal(HttpStatusCode.OK, description.StatusCode);
        var body = await MarketplaceApp.ReadJsonAsync(description, Ct);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.Equal(type, body.GetProperty("type").GetString());
    }
}
