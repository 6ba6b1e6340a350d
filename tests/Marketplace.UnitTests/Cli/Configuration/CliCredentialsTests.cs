using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;

namespace Marketplace.UnitTests.Cli.Configuration;

public sealed class CliCredentialsTests : IDisposable
{
    private const string DemoWorld = """
        {
          "baseUrl": "http://demo.test:5000",
          "tokenEndpoint": "http://demo.test:5000/connect/token",
          "webClientId": "marketplace-web",
          "clients": [
            { "clientId": "demo-uploader", "clientSecret": "uploader-secret", "organization": "orbital-imaging", "roles": ["uploader"], "description": "d" },
            { "clientId": "demo-auditor", "clientSecret": "auditor-secret", "organization": "space-data-regulator", "roles": ["auditor"], "description": "d" }
          ],
          "members": []
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-cli-credentials-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    public CliCredentialsTests()
    {
        _environment["HOME"] = _folder;   // the default profile lives under it, and does not exist unless a test writes it
        DemoPath = Path.Combine(_folder, "demo.json");
        ProfilePath = Path.Combine(_folder, "profile.json");
        File.WriteAllText(DemoPath, DemoWorld);
    }

    private string DemoPath { get; }

    private string ProfilePath { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Resolve_EverySourceSet_OptionsWin()
    {
        SetEnvironment("http://env.test", "env-client", "env-secret");
        WriteProfile("http://profile.test", "profile-client", "profile-secret");

        var credentials = await ResolveAsync(new CredentialOptions("http://option.test", "option-client", "option-secret", ProfilePath, DemoPath));

        Assert.Equal(new Uri("http://option.test/"), credentials.BaseUrl);
        Assert.Equal(new ClientCredentials("option-client", "option-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_NoOptions_EnvironmentBeatsProfileAndDemo()
    {
        SetEnvironment("http://env.test", "env-client", "env-secret");
        WriteProfile("http://profile.test", "profile-client", "profile-secret");

        var credentials = await ResolveAsync(new CredentialOptions(ProfilePath: ProfilePath, DemoPath: DemoPath));

        Assert.Equal(new Uri("http://env.test/"), credentials.BaseUrl);
        Assert.Equal(new ClientCredentials("env-client", "env-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_ProfileOnly_ProfileBeatsDemo()
    {
        WriteProfile("http://profile.test/marketplace", "profile-client", "profile-secret");

        var credentials = await ResolveAsync(new CredentialOptions(ProfilePath: ProfilePath, DemoPath: DemoPath));

        Assert.Equal(new Uri("http://profile.test/marketplace/"), credentials.BaseUrl);
        Assert.Equal(new ClientCredentials("profile-client", "profile-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_DefaultProfileUnderXdgConfigHome_IsRead()
    {
        _environment["XDG_CONFIG_HOME"] = Path.Combine(_folder, "config");
        Directory.CreateDirectory(Path.Combine(_folder, "config", "marketplace"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "config", "marketplace", "profile.json"),
            """{"url": "http://xdg.test", "clientId": "xdg-client", "clientSecret": "xdg-secret"}""", Ct);

        var credentials = await ResolveAsync(new CredentialOptions());

        Assert.Equal(new Uri("http://xdg.test/"), credentials.BaseUrl);
        Assert.Equal("xdg-client", credentials.Client?.ClientId);
    }

    [Fact]
    public async Task Resolve_DemoOnly_ActsAsTheDemoAuditor()
    {
        var credentials = await ResolveAsync(new CredentialOptions(DemoPath: DemoPath));

        Assert.Equal(new Uri("http://demo.test:5000/"), credentials.BaseUrl);
        Assert.Equal(new ClientCredentials("demo-auditor", "auditor-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_DefaultDemoFileExists_IsUsed()
    {
        var credentials = await CliCredentials.ResolveAsync(new CredentialOptions(), _environment.GetValueOrDefault, DemoPath, CliCredentials.AuditorDemoClient, Ct);

        Assert.Equal("demo-auditor", credentials.Client?.ClientId);
    }

    [Fact]
    public async Task Resolve_DemoOnlyForAProviderCommand_ActsAsTheDemoUploader()
    {
        var credentials = await CliCredentials.ResolveAsync(
            new CredentialOptions(DemoPath: DemoPath), _environment.GetValueOrDefault, DemoPath, CliCredentials.UploaderDemoClient, Ct);

        Assert.Equal(new ClientCredentials("demo-uploader", "uploader-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_ProviderCommandWithDemoClientNamed_TheNamedClientWins()
    {
        var credentials = await CliCredentials.ResolveAsync(
            new CredentialOptions(DemoPath: DemoPath, DemoClient: "demo-auditor"), _environment.GetValueOrDefault, DemoPath, CliCredentials.UploaderDemoClient, Ct);

        Assert.Equal("demo-auditor", credentials.Client?.ClientId);
    }

    [Fact]
    public async Task Resolve_DemoClientNamed_ActsAsThatClient()
    {
        var credentials = await ResolveAsync(new CredentialOptions(DemoPath: DemoPath, DemoClient: "demo-uploader"));

        Assert.Equal(new ClientCredentials("demo-uploader", "uploader-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_UnknownDemoClient_FailsListingTheClients()
    {
        var error = await Assert.ThrowsAsync<CliConfigurationException>(
            () => ResolveAsync(new CredentialOptions(DemoPath: DemoPath, DemoClient: "demo-nobody")));

        Assert.Equal($"The demo world {DemoPath} has no client 'demo-nobody'; it has: demo-uploader, demo-auditor.", error.Message);
    }

    [Fact]
    public async Task Resolve_UrlOptionWithDemo_TakesTheUrlFromTheOptionAndTheClientFromTheDemo()
    {
        var credentials = await ResolveAsync(new CredentialOptions(Url: "https://other.test", DemoPath: DemoPath));

        Assert.Equal(new Uri("https://other.test/"), credentials.BaseUrl);
        Assert.Equal(new ClientCredentials("demo-auditor", "auditor-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_ClientIdFromEnvironment_TakesItsSecretFromTheDemo()
    {
        _environment[CliCredentials.ClientIdVariable] = "demo-uploader";

        var credentials = await ResolveAsync(new CredentialOptions(DemoPath: DemoPath));

        Assert.Equal(new ClientCredentials("demo-uploader", "uploader-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_ProfileForAnotherClient_DoesNotLendItsSecret()
    {
        WriteProfile(null, "profile-client", "profile-secret");

        var error = await Assert.ThrowsAsync<CliConfigurationException>(
            () => ResolveAsync(new CredentialOptions(Url: "http://option.test", ClientId: "someone-else", ProfilePath: ProfilePath)));

        Assert.Equal("Client 'someone-else' has no secret: pass --client-secret or set MARKETPLACE_CLIENT_SECRET.", error.Message);
    }

    [Fact]
    public async Task Resolve_SecretOptionForProfileClient_OverridesTheProfileSecret()
    {
        WriteProfile("http://profile.test", "profile-client", "profile-secret");

        var credentials = await ResolveAsync(new CredentialOptions(ClientSecret: "rotated-secret", ProfilePath: ProfilePath));

        Assert.Equal(new ClientCredentials("profile-client", "rotated-secret"), credentials.Client);
    }

    [Fact]
    public async Task Resolve_UrlOnly_IsAnonymous()
    {
        _environment[CliCredentials.UrlVariable] = "http://env.test";

        var credentials = await ResolveAsync(new CredentialOptions());

        Assert.Null(credentials.Client);
        Assert.EndsWith("anonymous", credentials.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_NoUrlAnywhere_FailsSayingWhereToPutOne()
    {
        var error = await Assert.ThrowsAsync<CliConfigurationException>(() => ResolveAsync(new CredentialOptions()));

        Assert.StartsWith("No server URL: pass --url, set MARKETPLACE_URL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--profile")]
    [InlineData("--demo")]
    public async Task Resolve_NamedFileMissing_Fails(string option)
    {
        var missing = Path.Combine(_folder, "missing.json");
        var options = option == "--profile" ? new CredentialOptions(ProfilePath: missing) : new CredentialOptions(DemoPath: missing);

        var error = await Assert.ThrowsAsync<CliConfigurationException>(() => ResolveAsync(options));

        Assert.EndsWith($"file {missing} does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ProfileNotJson_FailsNamingTheFile()
    {
        await File.WriteAllTextAsync(ProfilePath, "url = http://x", Ct);

        var error = await Assert.ThrowsAsync<CliConfigurationException>(() => ResolveAsync(new CredentialOptions(ProfilePath: ProfilePath)));

        Assert.StartsWith($"The profile file {ProfilePath} is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://files.test")]
    [InlineData("localhost:5000")]
    public async Task Resolve_UrlNotHttp_Fails(string url)
    {
        var error = await Assert.ThrowsAsync<CliConfigurationException>(() => ResolveAsync(new CredentialOptions(Url: url)));

        Assert.Contains("is not an absolute http or https URL", error.Message, StringComparison.Ordinal);
    }

    private Task<CliCredentials> ResolveAsync(CredentialOptions options) =>
        CliCredentials.ResolveAsync(options, _environment.GetValueOrDefault, Path.Combine(_folder, "no-default-demo.json"), CliCredentials.AuditorDemoClient, Ct);

    private void SetEnvironment(string url, string clientId, string clientSecret)
    {
        _environment[CliCredentials.UrlVariable] = url;
        _environment[CliCredentials.ClientIdVariable] = clientId;
        _environment[CliCredentials.ClientSecretVariable] = clientSecret;
    }

    private void WriteProfile(string? url, string clientId, string clientSecret) =>
        File.WriteAllText(ProfilePath, System.Text.Json.JsonSerializer.Serialize(new { url, clientId, clientSecret }));
}
