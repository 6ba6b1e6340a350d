using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net.Http.Headers;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// The text of a schema by canonical URL: its local copy, else a local stand-in (<see cref="StandIns"/>), else, only
/// when <see cref="StacSchemaOptions.AllowFetch"/> is set and the URL is under a fetchable prefix, fetched over HTTP
/// once and kept in memory. A failed fetch is not remembered, so a later document tries again.
/// </summary>
internal sealed class StacSchemaSource(StacSchemaOptions options, IHttpClientFactory httpClients)
{
    /// <summary>The named HTTP client schemas are fetched with (its timeout is <see cref="StacSchemaOptions.FetchTimeoutSeconds"/>).</summary>
    public const string HttpClientName = "stac-schemas";

    /// <summary>
    /// Referenced by collection.json for the values of "summaries". JSON Schema validators carry it built in; the
    /// stand-in checks its top level only: a schema is an object or a boolean.
    /// </summary>
    public const string Draft07MetaSchema = "http://json-schema.org/draft-07/schema";

    /// <summary>Largest schema fetched (the biggest STAC schema, PROJJSON, is about 40 KB).</summary>
    public const int MaxFetchedBytes = 4 * 1024 * 1024;

    private const string Draft07MetaSchemaStandIn = """{"type":["object","boolean"]}""";

    /// <summary>
    /// Schema URLs answered by another local schema when they have no local copy of their own. Projection v1.2.0 and
    /// v2.0.0 reference PROJJSON v0.7 and v1.0.0 references v0.2; offline copies hold only v0.5, so "proj:projjson" is
    /// then checked against v0.5.
    /// </summary>
    public static readonly FrozenDictionary<string, string> StandIns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["https://proj.org/schemas/v0.7/projjson.schema.json"] = "https://proj.org/schemas/v0.5/projjson.schema.json",
        ["https://proj.org/schemas/v0.2/projjson.schema.json"] = "https://proj.org/schemas/v0.5/projjson.schema.json",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly StacSchemaLocations _locations = new(options);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _fetched = new(StringComparer.Ordinal);

    public StacSchemaLocations Locations => _locations;

    /// <summary>The URL of the document, without fragment.</summary>
    public static string DocumentUrl(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? url : url[..hash];
    }

    /// <summary>The local file that answers a schema URL (its own copy or its stand-in's), or null.</summary>
    public string? LocalPathFor(string url, out string? lookedFor)
    {
        var document = DocumentUrl(url);
        var path = _locations.Find(document, out lookedFor);
        if (path is null && StandIns.TryGetValue(document, out var standIn))
        {
            path = _locations.Find(standIn, out _);
        }
        return path;
    }

    public async Task<string> ReadAsync(string url, CancellationToken ct)
    {
        var document = DocumentUrl(url);
        if (document == Draft07MetaSchema)
        {
            return Draft07MetaSchemaStandIn;
        }
        if (!Uri.TryCreate(document, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new StacSchemaNotAvailableException(url, null, "it is not an absolute http(s) URL");
        }
        if (LocalPathFor(document, out var lookedFor) is { } path)
        {
            return await File.ReadAllTextAsync(path, ct);
        }
        if (!options.AllowFetch)
        {
            throw new StacSchemaNotAvailableException(url, lookedFor,
                "there is no local copy in the configured folders (StacSchemas:Root, StacSchemas:Folders) and fetching is not allowed (StacSchemas:AllowFetch)");
        }
        if (!options.EffectiveFetchablePrefixes.Any(p => document.StartsWith(p, StringComparison.Ordinal)))
        {
            throw new StacSchemaNotAvailableException(url, lookedFor,
                $"there is no local copy and it is not under a fetchable prefix (StacSchemas:FetchablePrefixes: {string.Join(", ", options.EffectiveFetchablePrefixes)})");
        }
        var fetch = _fetched.GetOrAdd(document, d => new Lazy<Task<string>>(() => FetchAsync(d), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return await fetch.Value.WaitAsync(ct);
        }
        catch (Exception) when (fetch.Value.IsFaulted || fetch.Value.IsCanceled)
        {
            _fetched.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(document, fetch));
            throw;
        }
    }

    /// <summary>Fetches a schema for every caller at once, so one caller's cancellation does not fail the others; bounded by the client's timeout.</summary>
    private async Task<string> FetchAsync(string url)
    {
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/schema+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
            if (!response.IsSuccessStatusCode)
            {
                throw new StacSchemaNotAvailableException(url, null, $"fetching it answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            if (response.Content.Headers.ContentLength > MaxFetchedBytes)
            {
                throw new StacSchemaNotAvailableException(url, null, $"it is larger than {MaxFetchedBytes} bytes");
            }
            await using var body = await response.Content.ReadAsStreamAsync(CancellationToken.None);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, CancellationToken.None)) > 0)
            {
                if (buffer.Length + read > MaxFetchedBytes)
                {
                    throw new StacSchemaNotAvailableException(url, null, $"it is larger than {MaxFetchedBytes} bytes");
                }
                buffer.Write(chunk, 0, read);
            }
            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new StacSchemaNotAvailableException(url, null, $"fetching it failed: {e.Message}", e);
        }
    }
}
