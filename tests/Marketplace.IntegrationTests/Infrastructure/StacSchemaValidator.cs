using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.References;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>
/// Validates STAC documents against the official STAC 1.1 JSON Schemas (item.json, collection.json or catalog.json,
/// chosen by "type") and against every schema listed in their "stac_extensions", entirely offline.
/// </summary>
/// <remarks>
/// <para>
/// Schemas are read from the shared folder beside the repository (<c>../shared/stac-schemas</c>, laid out by canonical
/// URL: <c>https://host/path</c> is <c>&lt;folder&gt;/host/path</c>) and, for the marketplace's own extension, from the
/// repository's <c>catalog-schemas</c> folder. Nothing is ever fetched: a schema that is not there fails with a
/// <see cref="SchemaNotAvailableOfflineException"/> naming its URL. The only stand-ins are the explicit
/// <see cref="Aliases"/> (the PROJJSON versions the shared folder lacks, as its README prescribes) and the draft-07
/// meta-schema (see <see cref="Draft07MetaSchema"/>).
/// </para>
/// <para>
/// NJsonSchema 11 validates draft-04 keywords only: it silently ignores <c>const</c>, <c>contains</c>,
/// <c>if</c>/<c>then</c>/<c>else</c> and <c>dependencies</c>, and cannot read boolean schemas. Every schema is therefore
/// rewritten on load into an equivalent draft-04 form (see <see cref="RewriteForDraft04"/>) so those constraints are
/// enforced. Loaded schemas are cached per instance (thread-safe); the validator is meant to be a class fixture.
/// </para>
/// </remarks>
public sealed partial class StacSchemaValidator
{
    public const string StacCoreBase = "https://schemas.stacspec.org/v1.1.0/";
    public const string MarketplaceExtensionBase = "https://satellite-marketplace.example/stac/marketplace/";
    public const string MarketplaceExtension = MarketplaceExtensionBase + "v1.0.0/schema.json";

    /// <summary>
    /// Referenced by collection.json for the values of "summaries". It is not in the shared folder; JSON Schema
    /// validators carry it built in. The stand-in checks its top level only: a schema is an object or a boolean.
    /// </summary>
    public const string Draft07MetaSchema = "http://json-schema.org/draft-07/schema";

    /// <summary>
    /// Schema URLs answered by another local schema. The shared folder's README: projection v1.2.0/v2.0.0 reference
    /// PROJJSON v0.7 and v1.0.0 references v0.2; only v0.5 is available, so "proj:projjson" is checked against v0.5.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["https://proj.org/schemas/v0.7/projjson.schema.json"] = "https://proj.org/schemas/v0.5/projjson.schema.json",
        ["https://proj.org/schemas/v0.2/projjson.schema.json"] = "https://proj.org/schemas/v0.5/projjson.schema.json",
    };

    /// <summary>Marks the schemas the draft-04 rewrite introduces, so errors read in the original keywords' terms.</summary>
    private const string Marker = "x-offline-rewrite";
    private const string ConditionMarker = "condition";
    private const string ConstMarker = "const";
    private const string ContainsMarker = "contains";

    private const string Draft07MetaSchemaStandIn = """{"type":["object","boolean"]}""";

    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "definitions", "$defs"];
    private static readonly string[] SchemaKeywords = ["items", "additionalItems", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames"];
    private static readonly string[] SchemaArrayKeywords = ["allOf", "anyOf", "oneOf"];

    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _schemas = new(StringComparer.Ordinal);
    private readonly JsonSchemaValidatorSettings _settings = CreateSettings();

    /// <summary>Finds the repository (the folder holding Marketplace.sln) and the shared schema folder beside it.</summary>
    public StacSchemaValidator()
        : this(FindRepositoryRoot())
    {
    }

    private StacSchemaValidator(string repositoryRoot)
        : this(Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "stac-schemas")), Path.Combine(repositoryRoot, "catalog-schemas"))
    {
    }

    private StacSchemaValidator(string sharedSchemasFolder, string marketplaceSchemasFolder)
    {
        if (!Directory.Exists(sharedSchemasFolder))
        {
            throw new DirectoryNotFoundException(
                $"The offline STAC schemas are missing: expected the folder '{sharedSchemasFolder}' (../shared/stac-schemas beside the " +
                "repository, laid out by canonical URL). The schema tests validate offline only and cannot run without it.");
        }
        if (!Directory.Exists(marketplaceSchemasFolder))
        {
            throw new DirectoryNotFoundException($"The marketplace's schema folder '{marketplaceSchemasFolder}' is missing.");
        }
        SharedSchemasFolder = sharedSchemasFolder;
        MarketplaceSchemasFolder = marketplaceSchemasFolder;
    }

    /// <summary>A validator over other folders (the one public constructor is the fixture's).</summary>
    public static StacSchemaValidator ForFolders(string sharedSchemasFolder, string marketplaceSchemasFolder) =>
        new(sharedSchemasFolder, marketplaceSchemasFolder);

    public string SharedSchemasFolder { get; }

    public string MarketplaceSchemasFolder { get; }

    /// <summary>The canonical URL of every schema file in the shared folder and of the marketplace's extension schemas.</summary>
    public IReadOnlyList<string> LocalSchemaUrls()
    {
        var shared = Directory.EnumerateFiles(SharedSchemasFolder, "*.json", SearchOption.AllDirectories)
            .Select(f => "https://" + Path.GetRelativePath(SharedSchemasFolder, f).Replace(Path.DirectorySeparatorChar, '/'));
        var marketplaceFolder = Path.Combine(MarketplaceSchemasFolder, "marketplace");
        var own = Directory.Exists(marketplaceFolder)
            ? Directory.EnumerateFiles(marketplaceFolder, "schema.json", SearchOption.AllDirectories)
                .Select(f => MarketplaceExtensionBase + Path.GetRelativePath(marketplaceFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            : [];
        return [.. shared.Concat(own).Order(StringComparer.Ordinal)];
    }

    /// <summary>The local file that answers a schema URL; throws when there is none.</summary>
    public string LocalPathFor(string url)
    {
        var key = Aliases.TryGetValue(DocumentUrl(url), out var alias) ? alias : DocumentUrl(url);
        if (!Uri.TryCreate(key, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SchemaNotAvailableOfflineException(url, null, "it is not an absolute http(s) URL");
        }
        string folder;
        string relative;
        if (key.StartsWith(MarketplaceExtensionBase, StringComparison.Ordinal))
        {
            folder = Path.Combine(MarketplaceSchemasFolder, "marketplace");
            relative = key[MarketplaceExtensionBase.Length..];
        }
        else
        {
            folder = SharedSchemasFolder;
            relative = uri.Host + uri.AbsolutePath;
        }
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(relative).TrimStart('/')));
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new SchemaNotAvailableOfflineException(url, path, "it maps outside the schema folder");
        }
        if (!File.Exists(path))
        {
            throw new SchemaNotAvailableOfflineException(url, path, "there is no such file and schemas are never fetched from the network");
        }
        return path;
    }

    /// <summary>The schema at a URL with all its references resolved offline; loaded once per validator.</summary>
    public Task<JsonSchema> LoadAsync(string url)
    {
        var key = DocumentUrl(url);
        return _schemas.GetOrAdd(key, k => new Lazy<Task<JsonSchema>>(() => LoadCoreAsync(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement document) => ValidateAsync(document.GetRawText());

    public Task<IReadOnlyList<string>> ValidateAsync(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ValidateAsync(document.ToJsonString());
    }

    /// <summary>
    /// Validates a STAC Item, Collection or Catalog against the STAC 1.1 core schema for its "type" and against each
    /// schema in its "stac_extensions". Returns one line per error ("schema: path: kind ..."); empty when valid.
    /// </summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string json)
    {
        var token = Parse(json);
        if (token is not JObject document)
        {
            return [$"#: the document is a JSON {token.Type}, not an object"];
        }
        var type = document["type"] is JValue { Type: JTokenType.String } t ? (string)t! : null;
        var kind = type switch
        {
            "Feature" => "item",
            "Collection" => "collection",
            "Catalog" => "catalog",
            _ => null,
        };
        if (kind is null)
        {
            return [$"#/type: not a STAC document type: {document["type"]?.ToString(Newtonsoft.Json.Formatting.None) ?? "missing"} (expected \"Feature\", \"Collection\" or \"Catalog\")"];
        }
        var errors = new List<string>();
        errors.AddRange(await ValidateAgainstAsync($"{StacCoreBase}{kind}-spec/json-schema/{kind}.json", document));
        if (document["stac_extensions"] is JArray extensions)
        {
            foreach (var extension in extensions)
            {
                if (extension is JValue { Type: JTokenType.String } url)
                {
                    errors.AddRange(await ValidateAgainstAsync((string)url!, document));
                }
            }
        }
        return errors;
    }

    /// <summary>Validates a document against one schema (by URL) only.</summary>
    public async Task<IReadOnlyList<string>> ValidateAgainstAsync(string schemaUrl, string json) =>
        await ValidateAgainstAsync(schemaUrl, Parse(json));

    private async Task<IReadOnlyList<string>> ValidateAgainstAsync(string schemaUrl, JToken document)
    {
        var schema = await LoadAsync(schemaUrl);
        var label = DocumentUrl(schemaUrl).Replace("https://", "", StringComparison.Ordinal);
        var lines = new List<string>();
        foreach (var error in schema.Validate(document, _settings))
        {
            Describe(error, label, [], lines);
        }
        return [.. lines.Distinct(StringComparer.Ordinal)];
    }

    private static void Describe(ValidationError error, string label, IReadOnlyList<string> via, List<string> lines)
    {
        if (error is ChildSchemaValidationError child)
        {
            // Branches that only state whether an if/dependencies condition held are not errors in themselves.
            var branches = child.Errors.Where(b => b.Value.Count > 0 && RewriteMarker(b.Key) != ConditionMarker).ToList();
            if (branches.Count > 0)
            {
                var deeper = error.Kind == ValidationErrorKind.NotAllOf ? via : [.. via, error.Kind.ToString()];
                foreach (var nested in branches.SelectMany(b => b.Value))
                {
                    Describe(nested, label, deeper, lines);
                }
                return;
            }
        }
        var kind = RewriteMarker(error.Schema) switch
        {
            ConstMarker => "ConstMismatch",
            ContainsMarker => "ContainsNoMatchingItem",
            _ => error.Kind.ToString(),
        };
        var detail = error switch
        {
            { Kind: ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed } => $" '{error.Property}'",
            MultiTypeValidationError multi => $" (value {Abbreviate(error.Token)}; " +
                string.Join("; ", multi.Errors.Select(t => $"as {t.Key}: {string.Join(", ", t.Value.Select(e => e.Kind))}")) + ")",
            { Token: JValue or null } => $" (value {Abbreviate(error.Token)})",
            _ => "",
        };
        var chain = via.Count > 0 ? $" [via {string.Join(" > ", via)}]" : "";
        lines.Add($"{label}: {error.Path ?? "#"}: {kind}{detail}{chain}");
    }

    private static string? RewriteMarker(JsonSchema? schema) =>
        schema?.ExtensionData is { } data && data.TryGetValue(Marker, out var value) ? value as string : null;

    private static string Abbreviate(JToken? token)
    {
        var text = token?.ToString(Newtonsoft.Json.Formatting.None) ?? "null";
        return text.Length <= 80 ? text : text[..77] + "...";
    }

    private static JToken Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    private async Task<JsonSchema> LoadCoreAsync(string url)
    {
        try
        {
            return await JsonSchema.FromJsonAsync(ReadSchema(url), url, root => new OfflineReferenceResolver(root, this));
        }
        catch (Exception exception) when (exception is not SchemaNotAvailableOfflineException)
        {
            var missing = Chain(exception).OfType<SchemaNotAvailableOfflineException>().FirstOrDefault();
            if (missing is not null)
            {
                throw new SchemaNotAvailableOfflineException(missing.Url, missing.ExpectedPath, $"{missing.Reason}; referenced while loading {url}", exception);
            }
            throw new InvalidOperationException(
                $"Could not load the schema {url}: {string.Join(" -> ", Chain(exception).Select(e => e.Message))}", exception);
        }
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>The schema text for a URL, rewritten for NJsonSchema (see <see cref="RewriteForDraft04"/>).</summary>
    private string ReadSchema(string url)
    {
        var text = DocumentUrl(url) == Draft07MetaSchema ? Draft07MetaSchemaStandIn : File.ReadAllText(LocalPathFor(url));
        var node = JsonNode.Parse(text) ?? throw new InvalidOperationException($"The schema {url} is empty.");
        return RewriteForDraft04(node).ToJsonString();
    }

    /// <summary>The URL of the document, without fragment.</summary>
    private static string DocumentUrl(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? url : url[..hash];
    }

    /// <summary>
    /// Rewrites draft-06/07 keywords NJsonSchema ignores into equivalent draft-04 ones, everywhere a schema may
    /// appear: <c>const: v</c> → <c>enum: [v]</c>; <c>contains: S</c> → <c>not: {type: array, items: {not: S}}</c>;
    /// <c>if: I, then: T, else: E</c> → <c>anyOf: [{not: I}, T]</c> and <c>anyOf: [I, E]</c>;
    /// <c>dependencies: {p: D}</c> → <c>anyOf: [{not: {required: [p]}}, D]</c> (a list D meaning <c>{required: D}</c>);
    /// boolean schemas → <c>{}</c> / <c>{not: {}}</c>. Each rewrite is added to the schema's <c>allOf</c>, so it
    /// combines with the keywords already there.
    /// </summary>
    public static JsonNode RewriteForDraft04(JsonNode schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Rewrite(schema, allowBoolean: false) ?? schema;
    }

    /// <summary>The rewritten schema, or null when the node was rewritten in place.</summary>
    private static JsonObject? Rewrite(JsonNode schema, bool allowBoolean)
    {
        if (schema is JsonValue value && value.TryGetValue<bool>(out var boolean))
        {
            return allowBoolean ? null : boolean ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
        }
        if (schema is not JsonObject o)
        {
            return null;
        }
        foreach (var keyword in SchemaMapKeywords)
        {
            if (o[keyword] is JsonObject map)
            {
                foreach (var name in map.Select(p => p.Key).ToList())
                {
                    RewriteMember(map, name, allowBoolean: false);
                }
            }
        }
        if (o["dependencies"] is JsonObject dependencies)
        {
            foreach (var name in dependencies.Where(p => p.Value is not JsonArray).Select(p => p.Key).ToList())
            {
                RewriteMember(dependencies, name, allowBoolean: false);
            }
        }
        foreach (var keyword in SchemaKeywords)
        {
            if (o[keyword] is JsonArray tuple)
            {
                for (var i = 0; i < tuple.Count; i++)
                {
                    RewriteElement(tuple, i);
                }
            }
            else if (o[keyword] is not null)
            {
                RewriteMember(o, keyword, allowBoolean: keyword is "additionalProperties" or "additionalItems");
            }
        }
        foreach (var keyword in SchemaArrayKeywords)
        {
            if (o[keyword] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    RewriteElement(list, i);
                }
            }
        }

        var constraints = new List<JsonNode>();
        if (Take(o, "const", out var constant))
        {
            constraints.Add(new JsonObject { ["enum"] = new JsonArray(constant), [Marker] = ConstMarker });
        }
        if (Take(o, "contains", out var contains))
        {
            constraints.Add(new JsonObject
            {
                ["not"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["not"] = contains } },
                [Marker] = ContainsMarker,
            });
        }
        Take(o, "then", out var then);
        Take(o, "else", out var otherwise);
        if (Take(o, "if", out var condition) && condition is not null)
        {
            // (not if, or then) and (if, or else); the condition branches are marked so errors skip them.
            if (then is not null)
            {
                constraints.Add(new JsonObject
                {
                    ["anyOf"] = new JsonArray(new JsonObject { ["not"] = condition.DeepClone(), [Marker] = ConditionMarker }, then),
                });
            }
            if (otherwise is not null)
            {
                var holds = condition is JsonObject conditionObject ? conditionObject : new JsonObject { ["allOf"] = new JsonArray(condition) };
                holds[Marker] = ConditionMarker;
                constraints.Add(new JsonObject { ["anyOf"] = new JsonArray(holds, otherwise) });
            }
        }
        if (Take(o, "dependencies", out var dependencyMap) && dependencyMap is JsonObject dependencyObject)
        {
            foreach (var name in dependencyObject.Select(p => p.Key).ToList())
            {
                Take(dependencyObject, name, out var dependency);
                var consequence = dependency is JsonArray names ? new JsonObject { ["required"] = names } : dependency ?? new JsonObject();
                constraints.Add(new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["not"] = new JsonObject { ["required"] = new JsonArray(name) }, [Marker] = ConditionMarker },
                        consequence),
                });
            }
        }
        if (constraints.Count > 0)
        {
            if (o["allOf"] is not JsonArray allOf)
            {
                allOf = [];
                o["allOf"] = allOf;
            }
            foreach (var constraint in constraints)
            {
                allOf.Add(constraint);
            }
        }
        return null;
    }

    /// <summary>Removes a member, detaching its value so it can be placed elsewhere.</summary>
    private static bool Take(JsonObject parent, string name, out JsonNode? value)
    {
        if (!parent.TryGetPropertyValue(name, out value))
        {
            return false;
        }
        parent.Remove(name);
        return true;
    }

    private static void RewriteMember(JsonObject parent, string name, bool allowBoolean)
    {
        if (parent[name] is { } child && Rewrite(child, allowBoolean) is { } replacement)
        {
            parent[name] = replacement;
        }
    }

    private static void RewriteElement(JsonArray parent, int index)
    {
        if (parent[index] is { } child && Rewrite(child, allowBoolean: false) is { } replacement)
        {
            parent[index] = replacement;
        }
    }

    private static JsonSchemaValidatorSettings CreateSettings()
    {
        var settings = new JsonSchemaValidatorSettings();
        // NJsonSchema's own date-time check accepts anything DateTime.TryParse does; STAC requires RFC 3339.
        settings.FormatValidators = [.. settings.FormatValidators.Where(v => v.Format != JsonFormatStrings.DateTime), new Rfc3339DateTimeValidator()];
        return settings;
    }

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        // The test binaries may be built outside the repository (-p:ArtifactsPath=...), so also look from the working
        // directory and from where this file was compiled.
        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>().Where(s => s.Length > 0))
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Marketplace.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"Could not find the repository (a folder holding Marketplace.sln) above {string.Join(", ", starts.OfType<string>())}; " +
            "the STAC schemas are looked up beside it in ../shared/stac-schemas.");
    }

    /// <summary>Resolves every reference by URL from the local folders; refuses file references and the network.</summary>
    private sealed class OfflineReferenceResolver(JsonSchema root, StacSchemaValidator owner)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new SchemaNotAvailableOfflineException(filePath, null, "schemas are loaded by URL, so a reference should never resolve to a file path");

        public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            await JsonSchema.FromJsonAsync(owner.ReadSchema(url), DocumentUrl(url), _ => this, cancellationToken);
    }

    /// <summary>RFC 3339 date-time (what STAC requires), stricter than NJsonSchema's default.</summary>
    private sealed partial class Rfc3339DateTimeValidator : IFormatValidator
    {
        public string Format => JsonFormatStrings.DateTime;

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

        public bool IsValid(string value, JTokenType tokenType) =>
            Rfc3339().IsMatch(value)
            && DateTimeOffset.TryParse(value.Replace(":60", ":59", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
        private static partial Regex Rfc3339();
    }
}

/// <summary>A schema URL that has no local copy: the validator never goes to the network.</summary>
public sealed class SchemaNotAvailableOfflineException : Exception
{
    public SchemaNotAvailableOfflineException(string url, string? expectedPath, string reason, Exception? inner = null)
        : base($"The JSON schema '{url}' is not available offline{(expectedPath is null ? "" : $" (looked for '{expectedPath}')")}: {reason}.", inner)
    {
        Url = url;
        ExpectedPath = expectedPath;
        Reason = reason;
    }

    public SchemaNotAvailableOfflineException()
        : this("(unknown)", null, "no URL given")
    {
    }

    public SchemaNotAvailableOfflineException(string message)
        : base(message)
    {
        Url = "(unknown)";
        Reason = message;
    }

    public SchemaNotAvailableOfflineException(string message, Exception innerException)
        : base(message, innerException)
    {
        Url = "(unknown)";
        Reason = message;
    }

    public string Url { get; }

    public string? ExpectedPath { get; }

    public string Reason { get; }
}
