using System.Net;
using System.Text.Json;
using Marketplace.Api.Hosting;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Demo;

public sealed class SeedDemoTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedDemo_RunTwice_KeepsTheWorldAndTheSecretsInTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("demo-seed-");
        try
        {
            var path = Path.Combine(folder.FullName, "demo.json");
            var first = await HostCommands.SeedDemoAsync(app.Services, path, Ct);
            var second = await HostCommands.SeedDemoAsync(app.Services, path, Ct);

            Assert.Equal(first.Organizations.Select(o => o.Id), second.Organizations.Select(o => o.Id));
            Assert.Equal(first.Clients.Select(c => c.ClientSecret), second.Clients.Select(c => c.ClientSecret));
            Assert.Equal(9, second.Clients.Count);
            Assert.Equal(5, second.Organizations.Count);
            var file = JsonDocument.Parse(await File.ReadAllTextAsync(path, Ct)).RootElement;
            Assert.Equal("http://localhost", file.GetProperty("baseUrl").GetString());
            foreach (var client in file.GetProperty("clients").EnumerateArray())
            {
                var token = await app.GetTokenAsync(client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!, Ct);
                using var http = app.WithToken(token);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/me", Ct)).StatusCode);
            }
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task SeedDemo_WithoutTheEarlierFile_ReplacesSecretsSoTheNewFileWorks()
    {
        var folder = Directory.CreateTempSubdirectory("demo-seed-");
        try
        {
            var world = await HostCommands.SeedDemoAsync(app.Services, Path.Combine(folder.FullName, "demo.json"), Ct);
            var reviewer = world.Clients.Single(c => c.ClientId == "demo-reviewer");

            Assert.NotEqual(app.DemoClient("demo-reviewer").ClientSecret, reviewer.ClientSecret);
            using var stale = await app.RequestTokenAsync(reviewer.ClientId, app.DemoClient("demo-reviewer").ClientSecret, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
            Assert.False(string.IsNullOrEmpty(await app.GetTokenAsync(reviewer.ClientId, reviewer.ClientSecret, Ct)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
