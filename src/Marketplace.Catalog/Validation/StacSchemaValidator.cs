using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// Validates STAC documents against the STAC 1.1 JSON Schemas (item.json, collection.json or catalog.json, chosen by
/// "type"; STAC 1.1.0 item, collection and catalog specs) and against the schema of every extension the document lists
/// in "stac_extensions" (STAC 1.1 "Extensions"), the marketplace's own included. Schemas come by canonical URL from
/// the configured folders (<see cref="StacSchemaOptions"/>), and from the network only when allowed.
/// </summary>
/// <remarks>
/// Each schema, with every schema it refers to, is loaded and compiled once (<see cref="SchemaCompiler"/>) and then
/// shared by all callers: the service is a thread-safe singleton, and validating a document allocates little beyond
/// its own copy (<see cref="JsonInstance"/>) unless it has errors. The draft-07 keywords the STAC schemas rely on
/// (const, contains, if/then/else, dependencies, boolean schemas) are enforced natively; "date-time" is checked as RFC
/// 3339 requires. An extension schema that cannot be had (no local copy, fetching not allowed, fetch failed, or a
/// schema it refers to missing) is an error of the document that declares it, naming the URL: never a silent pass.
/// </remarks>
public sealed class StacSchemaValidator
{
    /// <summary>The named HTTP client schemas are fetched with.</summary>
    public const string HttpClientName = StacSchemaSource.HttpClientName;

    public const string StacCoreBase = "https://schemas.stacspec.org/v1.1.0/";
    public const string ItemSchema = StacCoreBase + "item-spec/json-schema/item.json";
    public const string CollectionSchema = StacCoreBase + "collection-spec/json-schema/collection.json";
    public const string CatalogSchema = StacCoreBase + "catalog-spec/json-schema/catalog.json";

    /// <summary>The schemas every document of its type is validated against.</summary>
    public static readonly IReadOnlyList<string> CoreSchemas = [ItemSchema, CollectionSchema, CatalogSchema];

    private static readonly IReadOnlyList<StacValidationError> None = [];

    private readonly StacSchemaOptions _options;
    private readonly StacSchemaSource _source;
    private readonly ConcurrentDictionary<string, Lazy<Task<SchemaNode>>> _schemas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonElement>>> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SchemaPattern> _patterns = new(StringComparer.Ordinal);

    public StacSchemaValidator(IOptions<StacSchemaOptions> options, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _source = new StacSchemaSource(_options, httpClients);
    }

    /// <summary>Whether documents entering the catalog are validated (<see cref="StacSchemaOptions.Enabled"/>).</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>
    /// Validates an item about to be loaded, as the catalog will serve it (stac_version, links, bbox and, when
    /// <paramref name="collectionId"/> is given, collection are the values the catalog serves; everything else is
    /// judged as given); empty when valid or when validation is off. Completes synchronously once the schemas it needs
    /// are loaded, and may be called from many threads at once.
    /// </summary>
    public ValueTask<IReadOnlyList<StacValidationError>> ValidateItemAsync(JsonObject item, string? collectionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Enabled ? ValidateInstanceAsync(ServedForm.Item(JsonInstance.From(item), collectionId), ct) : new(None);
    }

    /// <inheritdoc cref="ValidateItemAsync(JsonObject, string?, CancellationToken)"/>
    public ValueTask<IReadOnlyList<StacValidationError>> ValidateItemAsync(JsonElement item, string? collectionId, CancellationToken ct) =>
        Enabled ? ValidateInstanceAsync(ServedForm.Item(JsonInstance.From(item), collectionId), ct) : new(None);

    /// <summary>Validates a collection about to be stored, as the catalog will serve it; empty when valid or when validation is off.</summary>
    public ValueTask<IReadOnlyList<StacValidationError>> ValidateCollectionAsync(JsonObject collection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return Enabled ? ValidateInstanceAsync(ServedForm.Collection(JsonInstance.From(collection)), ct) : new(None);
    }

    /// <summary>Validates a STAC Item, Collection or Catalog exactly as given (whatever <see cref="Enabled"/> says); empty when valid.</summary>
    public ValueTask<IReadOnlyList<StacValidationError>> ValidateAsync(JsonNode document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ValidateInstanceAsync(JsonInstance.From(document), ct);
    }

    /// <inheritdoc cref="ValidateAsync(JsonNode, CancellationToken)"/>
    public ValueTask<IReadOnlyList<StacValidationError>> ValidateAsync(JsonElement document, CancellationToken ct) =>
        ValidateInstanceAsync(JsonInstance.From(document), ct);

    /// <summary>Validates a document against one schema (by URL) only.</summary>
    public async ValueTask<IReadOnlyList<StacValidationError>> ValidateAgainstAsync(string schemaUrl, JsonNode document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schemaUrl);
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<StacValidationError>();
        await ValidateAgainstAsync(schemaUrl, JsonInstance.From(document), "#", errors, ct);
        return errors;
    }

    /// <summary>
    /// Loads and compiles (once) the schema at a URL with every schema it refers to; throws
    /// <see cref="StacSchemaNotAvailableException"/> naming what is missing, or <see cref="InvalidOperationException"/>
    /// for a schema that is not valid JSON Schema.
    /// </summary>
    public async Task LoadAsync(string url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        await SchemaAsync(url, ct);
    }

    /// <summary>The canonical URL of every JSON file in the configured folders.</summary>
    public IReadOnlyList<string> LocalSchemaUrls() => _source.Locations.LocalSchemaUrls();

    /// <summary>The local file that answers a schema URL (its own copy or its stand-in's), or null when there is none.</summary>
    public string? LocalPathFor(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _source.LocalPathFor(url, out _);
    }

    private ValueTask<IReadOnlyList<StacValidationError>> ValidateInstanceAsync(JsonInstance document, CancellationToken ct)
    {
        if (document.Kind != JsonValueKind.Object)
        {
            return new([new StacValidationError("#", $"the document is a JSON {document.Kind}, not an object", CatalogSchema)]);
        }
        var core = document["type"]?.String switch
        {
            "Feature" => ItemSchema,
            "Collection" => CollectionSchema,
            "Catalog" => CatalogSchema,
            _ => null,
        };
        if (core is null)
        {
            return new([new StacValidationError("#/type",
                $"not a STAC document type: {document["type"]?.ToJson() ?? "missing"} (expected \"Feature\", \"Collection\" or \"Catalog\")", CatalogSchema)]);
        }
        var schemas = new List<(string Url, string Declared)>(8) { (core, "#") };
        if (document["stac_extensions"] is { Kind: JsonValueKind.Array, Items: { } extensions })
        {
            foreach (var extension in extensions)
            {
                if (extension.String is { } url && !schemas.Exists(s => s.Url == url))
                {
                    schemas.Add((url, extension.Pointer()));
                }
            }
        }
        // Every schema already compiled (the usual case): nothing to wait for.
        var compiled = new SchemaNode[schemas.Count];
        for (var i = 0; i < schemas.Count; i++)
        {
            if (!TryGetCompiled(schemas[i].Url, out compiled[i]))
            {
                return ValidateSlowAsync(document, schemas, ct);
            }
        }
        List<StacValidationError>? errors = null;
        for (var i = 0; i < schemas.Count; i++)
        {
            Collect(compiled[i], schemas[i].Url, document, ref errors);
        }
        return new(errors ?? None);
    }

    private async ValueTask<IReadOnlyList<StacValidationError>> ValidateSlowAsync(JsonInstance document, List<(string Url, string Declared)> schemas, CancellationToken ct)
    {
        var errors = new List<StacValidationError>();
        foreach (var (url, declared) in schemas)
        {
            await ValidateAgainstAsync(url, document, declared, errors, ct);
        }
        return errors.Count == 0 ? None : errors;
    }

    private async Task ValidateAgainstAsync(string url, JsonInstance document, string declared, List<StacValidationError> errors, CancellationToken ct)
    {
        SchemaNode schema;
        try
        {
            schema = await SchemaAsync(url, ct);
        }
        catch (Exception e) when (e is StacSchemaNotAvailableException or InvalidOperationException)
        {
            errors.Add(new StacValidationError(declared, $"the schema cannot be used, so the document cannot be validated against it: {e.Message}", url));
            return;
        }
        List<StacValidationError>? found = errors;
        Collect(schema, url, document, ref found);
    }

    /// <summary>Validates fast (stop at the first failure); only an invalid document is walked again to name every error.</summary>
    private static void Collect(SchemaNode schema, string url, JsonInstance document, ref List<StacValidationError>? errors)
    {
        if (schema.Validate(document, null))
        {
            return;
        }
        var collector = new ValidationCollector(url);
        schema.Validate(document, collector);
        errors ??= [];
        if (collector.Errors.Count == 0)
        {
            errors.Add(new StacValidationError("#", "the document does not match the schema", url));
            return;
        }
        foreach (var error in collector.Errors.Distinct())
        {
            errors.Add(error);
        }
    }

    private bool TryGetCompiled(string url, out SchemaNode schema)
    {
        if (_schemas.TryGetValue(url, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            schema = lazy.Value.Result;
            return true;
        }
        schema = null!;
        return false;
    }

    /// <summary>
    /// The compiled schema, built once for all callers. A build that failed is not kept, so a later call tries again (a
    /// fetch may succeed then). The shared build does not take one caller's token: each caller stops waiting on its own.
    /// </summary>
    private Task<SchemaNode> SchemaAsync(string url, CancellationToken ct) =>
        Shared(_schemas, url, CompileAsync, ct);

    private async Task<SchemaNode> CompileAsync(string url)
    {
        var (root, _) = SchemaCompiler.Split(url);
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var pending = new Queue<(string Url, string? ReferencedFrom)>([(root, null)]);
        while (pending.TryDequeue(out var next))
        {
            if (documents.ContainsKey(next.Url))
            {
                continue;
            }
            JsonElement document;
            try
            {
                document = await Shared(_documents, next.Url, LoadDocumentAsync, CancellationToken.None);
            }
            catch (StacSchemaNotAvailableException missing) when (next.ReferencedFrom is not null)
            {
                throw new StacSchemaNotAvailableException(missing.Url, missing.ExpectedPath, $"{missing.Reason}; referenced from {next.ReferencedFrom} while loading {url}", missing);
            }
            documents[next.Url] = document;
            foreach (var referenced in SchemaCompiler.ReferencedDocuments(next.Url, document))
            {
                pending.Enqueue((referenced, next.Url));
            }
        }
        return new SchemaCompiler(documents, Pattern).Compile(url);
    }

    private async Task<JsonElement> LoadDocumentAsync(string url)
    {
        var text = await _source.ReadAsync(url, CancellationToken.None);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The schema {url} is not JSON: {e.Message}", e);
        }
    }

    /// <summary>One matcher per pattern, shared by all schemas.</summary>
    private SchemaPattern Pattern(string pattern) => _patterns.GetOrAdd(pattern, SchemaPattern.Create);

    private static async Task<T> Shared<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string key, Func<string, Task<T>> create, CancellationToken ct)
    {
        var lazy = cache.GetOrAdd(key, k => new Lazy<Task<T>>(() => create(k), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, lazy));
            throw;
        }
    }
}
