using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Platform.Audit.TreeHeads;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Cli.Http;

/// <summary>
/// Typed calls to the marketplace API over an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is
/// the server's base URL (ending in '/'). With <paramref name="credentials"/> it gets an access token by the client
/// credentials grant, keeps it until shortly before it expires (by <paramref name="clock"/>), and gets a new one once
/// when the server answers 401. Error answers become a <see cref="MarketplaceApiException"/> whose message names the
/// request, the status, and the problem's title and detail. Requests may run in parallel: they share one token, and
/// one renewal.
/// </summary>
internal sealed class MarketplaceApi(HttpClient http, TimeProvider clock, ClientCredentials? credentials = null)
{
    public const string TokenPath = "connect/token";

    /// <summary>The most entries one request to <c>/audit/entries</c> may ask for.</summary>
    public const int MaxEntriesPerRequest = 10_000;

    /// <summary>A token is renewed this long before it expires, so that it does not expire in flight.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    /// <summary>The lifetime assumed when a token response has no <c>expires_in</c>.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private readonly Lock _tokenLock = new();
    private Task<IssuedToken>? _token;

    public bool HasCredentials => credentials is not null;

    /// <summary>The JWKS named by the OpenID configuration: the keys that sign tokens and tree heads.</summary>
    public async Task<JsonWebKeySet> GetJsonWebKeySetAsync(CancellationToken ct)
    {
        var discovery = await GetAsync<OpenIdConfiguration>(".well-known/openid-configuration", authenticate: false, ct);
        if (discovery.JwksUri is not { Length: > 0 } jwks || !Uri.TryCreate(http.BaseAddress, jwks, out var jwksUri))
        {
            throw new MarketplaceApiException("The OpenID configuration names no valid jwks_uri.");
        }
        var json = await GetStringAsync(jwksUri, ct);
        try
        {
            return new JsonWebKeySet(json);
        }
        catch (ArgumentException e)
        {
            throw new MarketplaceApiException($"GET {jwksUri} returned no valid JSON Web Key Set: {e.Message}", e);
        }
    }

    /// <summary>The latest signed tree head, or null when the log has none yet (404).</summary>
    public Task<SignedTreeHead?> GetLatestTreeHeadAsync(CancellationToken ct) =>
        GetOrNullAsync<SignedTreeHead>("audit/sth", ct);

    /// <summary>The signed tree head of <paramref name="treeSize"/>, or null when there is none of that size (404).</summary>
    public Task<SignedTreeHead?> GetTreeHeadAsync(long treeSize, CancellationToken ct) =>
        GetOrNullAsync<SignedTreeHead>(Invariant($"audit/sth/{treeSize}"), ct);

    /// <summary>Signed tree heads of size <paramref name="from"/> or more, smallest first.</summary>
    public Task<IReadOnlyList<SignedTreeHead>> ListTreeHeadsAsync(long from, int limit, CancellationToken ct) =>
        GetAsync<IReadOnlyList<SignedTreeHead>>(Invariant($"audit/sths?from={from}&limit={limit}"), authenticate: false, ct);

    /// <summary>Entries [<paramref name="start"/>, <paramref name="end"/>) the caller may see; needs credentials.</summary>
    public Task<EntriesPage> GetEntriesAsync(long start, long end, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end - start, MaxEntriesPerRequest);
        return GetAsync<EntriesPage>(Invariant($"audit/entries?start={start}&end={end}"), authenticate: true, ct);
    }

    public Task<InclusionProof> GetInclusionProofAsync(long leafIndex, long treeSize, CancellationToken ct) =>
        GetAsync<InclusionProof>(Invariant($"audit/proof/inclusion?leafIndex={leafIndex}&treeSize={treeSize}"), authenticate: false, ct);

    public Task<ConsistencyProof> GetConsistencyProofAsync(long first, long second, CancellationToken ct) =>
        GetAsync<ConsistencyProof>(Invariant($"audit/proof/consistency?first={first}&second={second}"), authenticate: false, ct);

    private async Task<T?> GetOrNullAsync<T>(string path, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(request, response, ct);
        return await ReadJsonAsync<T>(request, response, ct);
    }

    /// <summary>
    /// Sends a request with the client's token (anonymous without credentials) and returns the successful answer's
    /// body. <paramref name="content"/> makes the body, again when a 401 makes the request go once more with a new token.
    /// </summary>
    /// <exception cref="MarketplaceApiException">The server answered with an error.</exception>
    public async Task<string> SendAsync(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken ct)
    {
        string? rejected = null;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content?.Invoke() };
            string? token = null;
            if (credentials is not null)
            {
                token = await TokenAsync(rejected, ct);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && attempt == 0)
            {
                rejected = token;   // the token may have been revoked or the server restarted with new keys: one fresh token
                continue;
            }
            await EnsureSuccessAsync(request, response, ct);
            return await response.Content.ReadAsStringAsync(ct);
        }
    }

    /// <summary><see cref="SendAsync"/> with <paramref name="body"/> as JSON (camelCase), the answer read as <typeparamref name="T"/>.</summary>
    public async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
        where T : class
    {
        var text = await SendAsync(method, path, body is null ? null : () => JsonContent.Create(body, body.GetType(), options: JsonSerializerOptions.Web), ct);
        return Deserialize<T>(Describe(method, path), text);
    }

    /// <summary>Reads an answer's JSON as <typeparamref name="T"/>; <paramref name="what"/> names the request in errors.</summary>
    public static T Deserialize<T>(string what, string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)
                ?? throw new MarketplaceApiException($"{what} returned an empty body.");
        }
        catch (JsonException e)
        {
            throw new MarketplaceApiException($"{what} returned a body that is not the expected JSON: {e.Message}", e);
        }
    }

    private async Task<T> GetAsync<T>(string path, bool authenticate, CancellationToken ct)
        where T : class
    {
        if (authenticate)
        {
            return Deserialize<T>(Describe(HttpMethod.Get, path), await SendAsync(HttpMethod.Get, path, null, ct));
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(request, response, ct);
        return await ReadJsonAsync<T>(request, response, ct);
    }

    private async Task<string> GetStringAsync(Uri uri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(request, response, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>
    /// The current token, or a new one when there is none, it is about to expire, or it is <paramref name="rejected"/>
    /// (the server refused it). Parallel callers wait for the same request.
    /// </summary>
    private async Task<string> TokenAsync(string? rejected, CancellationToken ct)
    {
        Task<IssuedToken> pending;
        lock (_tokenLock)
        {
            var current = _token;
            if (current is null || current.IsFaulted || current.IsCanceled
                || (current.IsCompletedSuccessfully && (clock.GetUtcNow() >= current.Result.ExpiresAt || current.Result.Value == rejected)))
            {
                current = RequestTokenAsync(ct);
                _token = current;
            }
            pending = current;
        }
        return (await pending).Value;
    }

    private async Task<IssuedToken> RequestTokenAsync(CancellationToken ct)
    {
        var client = credentials ?? throw new InvalidOperationException("No client credentials to get a token with.");
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", client.ClientId),
                new("client_secret", client.ClientSecret),
                new("scope", "api"),
            ]),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureSuccessAsync(request, response, ct);
        var token = await ReadJsonAsync<TokenResponse>(request, response, ct);
        if (token.AccessToken is not { Length: > 0 } accessToken)
        {
            throw new MarketplaceApiException($"{Describe(request)} returned no access_token.");
        }
        var lifetime = token.ExpiresIn is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;
        var margin = lifetime / 2 < ExpiryMargin ? lifetime / 2 : ExpiryMargin;
        return new IssuedToken(accessToken, clock.GetUtcNow() + lifetime - margin);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpRequestMessage request, HttpResponseMessage response, CancellationToken ct)
        where T : class
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync<T>(body, JsonSerializerOptions.Web, ct)
                ?? throw new MarketplaceApiException($"{Describe(request)} returned an empty body.");
        }
        catch (JsonException e)
        {
            throw new MarketplaceApiException($"{Describe(request)} returned a body that is not the expected JSON: {e.Message}", e);
        }
    }

    private static async Task EnsureSuccessAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(ct);
        ApiProblem? problem = null;
        try
        {
            problem = body.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize<ApiProblem>(body, JsonSerializerOptions.Web) : null;
        }
        catch (JsonException)
        {
            // Not a problem document: the status line and the start of the body say what is known.
        }
        var title = problem?.Title ?? problem?.Error;
        var detail = problem?.Detail ?? problem?.ErrorDescription;
        var summary = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Describe(request)} failed: {(int)response.StatusCode} {response.ReasonPhrase}");
        if (title is not null)
        {
            summary.Append(CultureInfo.InvariantCulture, $" ({title})");
        }
        if (detail is not null)
        {
            summary.Append(CultureInfo.InvariantCulture, $": {detail}");
        }
        if (problem is null && body.Length > 0)
        {
            summary.Append(": ").Append(body.Length > 200 ? body[..200] + "…" : body);
        }
        var errors = problem?.Errors ?? new Dictionary<string, string[]>();
        var message = new StringBuilder().Append(summary);
        foreach (var (field, messages) in errors)
        {
            message.Append(CultureInfo.InvariantCulture, $" [{field}: {string.Join(" ", messages)}]");
        }
        throw new MarketplaceApiException(message.ToString(), response.StatusCode, title, detail)
        {
            Summary = summary.ToString(),
            ProblemType = problem?.Type,
            FieldErrors = errors,
        };
    }

    /// <summary>The request as the user can repeat it: method and absolute URL (the client has resolved it by now).</summary>
    private static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri}";

    /// <summary>A request not sent yet, as the user can repeat it: method and absolute URL.</summary>
    public string Describe(HttpMethod method, string path) =>
        $"{method} {(http.BaseAddress is { } baseUrl ? new Uri(baseUrl, path).ToString() : path)}";

    private static string Invariant(FormattableString value) => FormattableString.Invariant(value);

    private sealed record IssuedToken(string Value, DateTimeOffset ExpiresAt);
}
