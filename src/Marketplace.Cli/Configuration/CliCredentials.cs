using System.Text.Json;
using Marketplace.Cli.Http;

namespace Marketplace.Cli.Configuration;

/// <summary>
/// The server and, when one is configured, the API client a command uses. Each setting comes from the first source
/// that has it: command-line options, then the environment (<c>MARKETPLACE_URL</c>, <c>MARKETPLACE_CLIENT_ID</c>,
/// <c>MARKETPLACE_CLIENT_SECRET</c>), then the profile file, then the demo world file. A secret is only taken from
/// a source that names no other client than the one chosen, so two sources' halves are never mixed; the demo file
/// supplies the secret of any of its clients by id, and when no source names a client, the command's own default
/// demo client (<see cref="AuditorDemoClient"/> for audit commands, <see cref="UploaderDemoClient"/> for provider
/// commands). No client at all means anonymous use.
/// </summary>
internal sealed record CliCredentials(Uri BaseUrl, ClientCredentials? Client, string Source)
{
    public const string UrlVariable = "MARKETPLACE_URL";
    public const string ClientIdVariable = "MARKETPLACE_CLIENT_ID";
    public const string ClientSecretVariable = "MARKETPLACE_CLIENT_SECRET";

    /// <summary>The demo world's auditor: the default client of the audit commands.</summary>
    public const string AuditorDemoClient = "demo-auditor";

    /// <summary>The demo world's provider uploader: the default client of upload, products and status.</summary>
    public const string UploaderDemoClient = "demo-uploader";

    /// <summary>The demo client review commands use when nothing names one.</summary>
    public const string ReviewerDemoClient = "demo-reviewer";

    /// <summary>
    /// Resolves the settings; <paramref name="defaultDemoPath"/> is read only when it exists, and
    /// <paramref name="defaultDemoClient"/> is the demo client used when nothing names one.
    /// </summary>
    /// <exception cref="CliConfigurationException">No source gives a URL, or a named file is missing or malformed.</exception>
    public static async Task<CliCredentials> ResolveAsync(
        CredentialOptions options, Func<string, string?> environment, string defaultDemoPath, string defaultDemoClient, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);

        var layers = new List<Layer>
        {
            new("command-line options", Trimmed(options.Url), Trimmed(options.ClientId), Trimmed(options.ClientSecret)),
            new("environment", Trimmed(environment(UrlVariable)), Trimmed(environment(ClientIdVariable)), Trimmed(environment(ClientSecretVariable))),
        };
        var profilePath = options.ProfilePath ?? CliPaths.DefaultProfilePath(environment);
        var profile = await ReadAsync<ProfileFile>(profilePath, required: options.ProfilePath is not null, "profile", ct);
        if (profile is not null)
        {
            layers.Add(new($"profile {profilePath}", Trimmed(profile.Url), Trimmed(profile.ClientId), Trimmed(profile.ClientSecret)));
        }
        var demoPath = options.DemoPath ?? defaultDemoPath;
        var demo = await ReadAsync<DemoWorldFile>(demoPath, required: options.DemoPath is not null, "demo world", ct);

        var url = layers.Select(l => (l.Url, l.Source)).FirstOrDefault(l => l.Url is not null);
        if (url.Url is null && Trimmed(demo?.BaseUrl) is { } demoUrl)
        {
            url = (demoUrl, $"demo world {demoPath}");
        }
        if (url.Url is null)
        {
            throw new CliConfigurationException(
                $"No server URL: pass --url, set {UrlVariable}, write a profile ({profilePath}) or pass --demo FILE.");
        }
        var baseUrl = ParseUrl(url.Url, url.Source);

        var clientId = layers.Select(l => (l.ClientId, l.Source)).FirstOrDefault(l => l.ClientId is not null);
        var secret = layers
            .Where(l => l.ClientSecret is not null && (l.ClientId is null || l.ClientId == clientId.ClientId))
            .Select(l => l.ClientSecret)
            .FirstOrDefault();
        if (demo is not null && (clientId.ClientId is null || secret is null))
        {
            var wanted = clientId.ClientId ?? Trimmed(options.DemoClient) ?? defaultDemoClient;
            var demoClient = demo.Clients?.FirstOrDefault(c => c.ClientId == wanted);
            if (demoClient is null && clientId.ClientId is null && options.DemoClient is not null)
            {
                var known = string.Join(", ", demo.Clients?.Select(c => c.ClientId) ?? []);
                throw new CliConfigurationException($"The demo world {demoPath} has no client '{wanted}'; it has: {known}.");
            }
            if (demoClient is not null)
            {
                clientId = clientId.ClientId is null ? (demoClient.ClientId, $"demo world {demoPath}") : clientId;
                secret ??= demoClient.ClientSecret;
            }
        }

        if (clientId.ClientId is null)
        {
            if (secret is not null)
            {
                throw new CliConfigurationException($"A client secret is set but no client id: pass --client-id or set {ClientIdVariable}.");
            }
            return new CliCredentials(baseUrl, null, $"{baseUrl} ({url.Source}), anonymous");
        }
        if (secret is null)
        {
            throw new CliConfigurationException(
                $"Client '{clientId.ClientId}' has no secret: pass --client-secret or set {ClientSecretVariable}.");
        }
        return new CliCredentials(baseUrl, new ClientCredentials(clientId.ClientId, secret),
            $"{baseUrl} ({url.Source}), client {clientId.ClientId} ({clientId.Source})");
    }

    private static Uri ParseUrl(string url, string source)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliConfigurationException($"The server URL '{url}' from the {source} is not an absolute http or https URL.");
        }
        // A trailing slash keeps a path prefix (https://host/marketplace/) when relative paths are resolved against it.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static async Task<T?> ReadAsync<T>(string path, bool required, string what, CancellationToken ct)
        where T : class
    {
        if (!File.Exists(path))
        {
            return required ? throw new CliConfigurationException($"The {what} file {path} does not exist.") : null;
        }
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<T>(stream, JsonSerializerOptions.Web, ct)
                ?? throw new CliConfigurationException($"The {what} file {path} holds no JSON object.");
        }
        catch (JsonException e)
        {
            throw new CliConfigurationException($"The {what} file {path} is not valid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new CliConfigurationException($"The {what} file {path} cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliConfigurationException($"The {what} file {path} cannot be read: {e.Message}", e);
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Layer(string Source, string? Url, string? ClientId, string? ClientSecret);
}
