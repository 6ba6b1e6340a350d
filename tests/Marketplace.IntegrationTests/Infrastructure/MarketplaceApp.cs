using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Identity.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>
/// The marketplace started in-process for one test class, on its own database cloned from the migrated template,
/// with the demo identities seeded. Subclasses change settings (external issuers, rate limits, roles).
/// </summary>
public class MarketplaceApp(StackFixture stack) : IAsyncLifetime
{
    public const string Issuer = "http://localhost/";

    private WebApplicationFactory<Program> _factory = null!;
    private Dictionary<string, string?> _settings = [];

    public StackFixture Stack => stack;

    public string Database { get; private set; } = "";

    public DemoIdentities Demo { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    public static Dictionary<string, string?> BaseSettings(StackFixture stack, string database, string containerPrefix) => new()
    {
        ["ConnectionStrings:Marketplace"] = stack.ConnectionStringFor(database),
        ["ConnectionStrings:MarketplaceOwner"] = stack.OwnerConnectionStringFor(database),
        ["Storage:ConnectionString"] = stack.StorageConnectionString,
        ["Storage:ContainerPrefix"] = containerPrefix,
        ["Identity:Issuer"] = Issuer,
        // Tests send requests far faster than any client should; the rate limit has its own test app.
        ["RateLimiting:PermitsPerMinute"] = "1000000",
        ["RateLimiting:Burst"] = "1000000",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] = "Fatal",
        ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
    };

    public virtual async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Database = await stack.CloneTemplateAsync(ct);
        _settings = BaseSettings(stack, Database, "t" + Database[^12..]);
        // Certification validates every product's item against the offline schemas, whether or not the catalog
        // validates what it loads (StacSchemas:Enabled, which test apps switch on where they need it).
        foreach (var (key, value) in StacSchemaValidator.OfflineSettings().Where(s => s.Key != "StacSchemas:Enabled"))
        {
            _settings[key] = value;
        }
        Configure(_settings);
        _factory = StartAnotherProcess();
        await using var scope = Services.CreateAsyncScope();
        Demo = await scope.ServiceProvider.GetRequiredService<SeedDemoIdentities>()
            .HandleAsync(new Dictionary<string, string>(), new Dictionary<string, string>(), ct);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Another instance of the marketplace on the same database and storage, as a second API or worker process
    /// would be; the caller disposes it.
    /// </summary>
    public WebApplicationFactory<Program> StartAnotherProcess() => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        foreach (var (key, value) in _settings)
        {
            web.UseSetting(key, value);
        }
    });

    /// <summary>
    /// The same app served by Kestrel on a free loopback port, for clients that speak real HTTP (GDAL, validators);
    /// the caller disposes it.
    /// </summary>
    public (WebApplicationFactory<Program> Server, Uri BaseAddress) StartHttpServer()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = StartAnotherProcess();
        server.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        server.StartServer();
        return (server, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Settings of this app on top of the base settings.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings) { }

    public HttpClient CreateClient(bool allowRedirects = true) =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = allowRedirects, HandleCookies = true });

    /// <summary>An HTTP handler into the in-process server, for clients built outside the factory (the command-line client).</summary>
    public HttpMessageHandler CreateHandler() => _factory.Server.CreateHandler();

    public DemoClient DemoClient(string clientId) => Demo.Clients.Single(c => c.ClientId == clientId);

    public Guid OrganizationId(string slug) => Demo.Organizations.Single(o => o.Slug == slug).Id;

    /// <summary>Requests a token with the client-credentials grant; the raw response.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, CancellationToken ct, string scope = "api")
    {
        using var client = CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });
        return await client.PostAsync("/connect/token", form, ct);
    }

    public async Task<string> GetTokenAsync(string clientId, string secret, CancellationToken ct)
    {
        using var response = await RequestTokenAsync(clientId, secret, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"Token request for {clientId} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client authenticated as a demo API client.</summary>
    public async Task<HttpClient> ClientAsAsync(string clientId, CancellationToken ct)
    {
        var demo = DemoClient(clientId);
        return WithToken(await GetTokenAsync(demo.ClientId, demo.ClientSecret, ct));
    }

    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(ct));
}
