using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Validation;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Catalog.Validation;

/// <summary>
/// The schema validator's JSON Schema (draft-07) semantics, schema resolution and fetching, on small schemas written
/// to a temporary folder laid out by canonical URL (host/path). The official STAC schemas are exercised by the
/// integration tests.
/// </summary>
public sealed class StacSchemaValidatorTests : IDisposable
{
    private const string Base = "https://schemas.example/test/";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("stac-schema-tests-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData("""{"const": "1.1.0"}""", "\"1.1.0\"", null)]
    [InlineData("""{"const": "1.1.0"}""", "\"1.0.0\"", "#: ConstMismatch (value \"1.0.0\")")]
    [InlineData("""{"const": {"a": [1, 2]}}""", """{"a": [1.0, 2]}""", null)]
    [InlineData("""{"enum": ["a", 1]}""", "1.0", null)]
    [InlineData("""{"enum": ["a", "b"]}""", "\"c\"", "#: NotInEnumeration (value \"c\")")]
    [InlineData("""{"type": "integer"}""", "4000.0", null)]
    [InlineData("""{"type": "integer"}""", "5500.5", "#: IntegerExpected (value 5500.5)")]
    [InlineData("""{"type": ["string", "null"]}""", "3", "#: NoTypeValidates (value 3; expected null or string)")]
    [InlineData("""{"type": "array", "contains": {"const": "x"}}""", """["a", "x"]""", null)]
    [InlineData("""{"type": "array", "contains": {"const": "x"}}""", """["a", "b"]""", "#: ContainsNoMatchingItem")]
    [InlineData("""{"uniqueItems": true}""", """[{"a": 1, "b": 2}, {"b": 2, "a": 1}]""", "#: ItemsNotUnique")]
    [InlineData("""{"minLength": 2}""", "\"\uD83D\uDE00\"", "#: StringTooShort (value \"\\uD83D\\uDE00\"; at least 2 characters)")]
    [InlineData("""{"maxLength": 1}""", "\"\uD83D\uDE00\"", null)]
    [InlineData("""{"minimum": 0, "exclusiveMinimum": true}""", "0", "#: NumberTooSmall (value 0; more than 0)")]
    [InlineData("""{"exclusiveMaximum": 100}""", "100", "#: NumberTooBig (value 100; less than 100)")]
    [InlineData("""{"multipleOf": 0.01}""", "0.07", null)]
    [InlineData("""{"pattern": "^[A-Z]+$"}""", "\"GET\"", null)]
    [InlineData("""{"pattern": "^[A-Z]+$"}""", "\"get\"", "#: PatternMismatch (value \"get\"; pattern ^[A-Z]+$)")]
    [InlineData("""{"format": "date-time"}""", "\"2025-01-14T10:15:12.5+02:00\"", null)]
    [InlineData("""{"format": "date-time"}""", "\"2025-01-14 10:15:12Z\"", "#: DateTimeExpected (value \"2025-01-14 10:15:12Z\"; an RFC 3339 date-time)")]
    [InlineData("""{"format": "date-time"}""", "\"2025-02-30T00:00:00Z\"", "#: DateTimeExpected (value \"2025-02-30T00:00:00Z\"; an RFC 3339 date-time)")]
    [InlineData("""{"format": "iri"}""", "\"not checked\"", null)]
    [InlineData("""{"properties": {"bands": false}}""", """{"bands": []}""", "#/bands: NotAllowed (no value is allowed here)")]
    [InlineData("""{"properties": {"a": {"not": {"type": "null"}}}}""", """{"a": null}""", "#/a: ExcludedSchemaValidates (value null)")]
    [InlineData("""{"required": ["id"]}""", """{"ID": 1}""", "#/id: PropertyRequired 'id'")]
    [InlineData("""{"dependencies": {"start": ["end"]}}""", """{"start": 1}""", "#/end: PropertyRequired 'end' (by 'start')")]
    [InlineData("""{"dependencies": {"start": {"properties": {"end": {"type": "string"}}}}}""", """{"start": 1, "end": 2}""", "#/end: StringExpected (value 2)")]
    [InlineData("""{"properties": {"a~/b": {"type": "string"}}}""", """{"a~/b": 1}""", "#/a~0~1b: StringExpected (value 1)")]
    public async Task ValidateAgainst_Keyword_BehavesAsDraft07(string schema, string instance, string? expected)
    {
        var validator = NewValidator(("keyword.json", schema));

        var errors = await validator.ValidateAgainstAsync(Base + "keyword.json", JsonNode.Parse(instance)!, Ct);

        if (expected is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(expected, Line(Assert.Single(errors)));
        }
    }

    [Fact]
    public async Task ValidateAgainst_IfThenElse_AppliesTheBranchTheConditionPicks()
    {
        var validator = NewValidator(("rule.json", """
            {"if": {"properties": {"links": {"contains": {"properties": {"rel": {"const": "collection"}}, "required": ["rel"]}}}},
             "then": {"required": ["collection"]},
             "else": {"properties": {"collection": {"not": {}}}}}
            """));

        var withLink = await validator.ValidateAgainstAsync(Base + "rule.json", JsonNode.Parse("""{"links": [{"rel": "collection"}]}""")!, Ct);
        var withoutLink = await validator.ValidateAgainstAsync(Base + "rule.json", JsonNode.Parse("""{"links": [], "collection": "c"}""")!, Ct);
        var neither = await validator.ValidateAgainstAsync(Base + "rule.json", JsonNode.Parse("""{"links": []}""")!, Ct);

        Assert.Equal("#/collection: PropertyRequired 'collection'", Line(Assert.Single(withLink)));
        Assert.Equal("#/collection: ExcludedSchemaValidates (value \"c\")", Line(Assert.Single(withoutLink)));
        Assert.Empty(neither);
    }

    [Fact]
    public async Task ValidateAgainst_AnyOfFails_ListsEachAlternativeVia()
    {
        var validator = NewValidator(("any.json", """{"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}"""));

        var errors = await validator.ValidateAgainstAsync(Base + "any.json", new JsonObject(), Ct);

        Assert.Equal(["#/a: PropertyRequired 'a' [via NotAnyOf]", "#/b: PropertyRequired 'b' [via NotAnyOf]"], errors.Select(Line));
    }

    [Fact]
    public async Task ValidateAgainst_OneOfMatchingTwice_Fails()
    {
        var validator = NewValidator(("one.json", """{"oneOf": [{"type": "number"}, {"minimum": 0}]}"""));

        var errors = await validator.ValidateAgainstAsync(Base + "one.json", JsonValue.Create(3), Ct);

        Assert.Equal("#: NotOneOf (more than one of the alternatives match; exactly one must)", Line(Assert.Single(errors)));
    }

    [Fact]
    public async Task ValidateAgainst_ExtensionFieldsPattern_RefusesUnknownFieldsOfItsPrefixOnly()
    {
        // The shape every STAC extension uses: its own fields listed, everything without its prefix allowed.
        var validator = NewValidator(("fields.json", """
            {"type": "object", "properties": {"x:size": {"type": "integer"}},
             "patternProperties": {"^(?!x:)": {}}, "additionalProperties": false}
            """));

        var errors = await validator.ValidateAgainstAsync(Base + "fields.json",
            JsonNode.Parse("""{"x:size": 3, "y:size": "any", "x:colour": "blue", "datetime": null}""")!, Ct);

        Assert.Equal("#/x:colour: NoAdditionalPropertiesAllowed 'x:colour'", Line(Assert.Single(errors)));
    }

    [Fact]
    public async Task ValidateAgainst_RecursiveAndRelativeReferences_Resolve()
    {
        var validator = NewValidator(
            ("v1/tree.json", """{"$ref": "#/definitions/node", "definitions": {"node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/definitions/node"}}, "leaf": {"$ref": "../common/leaf.json#/definitions/leaf"}}}}}"""),
            ("common/leaf.json", """{"definitions": {"leaf": {"type": "string", "minLength": 1}}}"""));

        var errors = await validator.ValidateAgainstAsync(Base + "v1/tree.json",
            JsonNode.Parse("""{"children": [{"children": [{"leaf": ""}]}, {"leaf": "ok"}]}""")!, Ct);

        Assert.Equal("#/children/0/children/0/leaf: StringTooShort (value \"\"; at least 1 characters)", Line(Assert.Single(errors)));
    }

    [Fact]
    public async Task Validate_DeclaredExtensionMissing_IsAnErrorNamingItsUrl_WithoutFetching()
    {
        var http = new CountingHttp(HttpStatusCode.OK, "{}");
        var validator = NewValidator(http, ("item.json", "{}"));
        const string Missing = "https://stac-extensions.example/none/v1.0.0/schema.json";
        var item = JsonNode.Parse($$"""{"type": "Feature", "stac_extensions": ["{{Missing}}"]}""")!;

        var errors = await validator.ValidateAsync(item, Ct);

        var error = Assert.Single(errors);
        Assert.Equal("#/stac_extensions/0", error.Path);
        Assert.Equal(Missing, error.Schema);
        Assert.Contains(Missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("fetching is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, http.Requests);
    }

    [Fact]
    public async Task Load_ReferencedSchemaMissing_NamesTheReferencedUrl()
    {
        var validator = NewValidator(("broken.json", """{"properties": {"a": {"$ref": "gone/schema.json#/definitions/x"}}}"""));

        var error = await Assert.ThrowsAsync<StacSchemaNotAvailableException>(() => validator.LoadAsync(Base + "broken.json", Ct));

        Assert.Equal(Base + "gone/schema.json", error.Url);
        Assert.Contains("referenced from " + Base + "broken.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_AllowFetch_FetchesEachSchemaOnce_OnlyUnderTheFetchablePrefixes()
    {
        var http = new CountingHttp(HttpStatusCode.OK, """{"properties": {"properties": {"required": ["x:size"]}}}""");
        var validator = NewValidator(http, new StacSchemaOptions { Enabled = true, AllowFetch = true, FetchablePrefixes = ["https://extensions.example/"] }, ("item.json", "{}"));
        var valid = JsonNode.Parse("""{"type": "Feature", "stac_extensions": ["https://extensions.example/x/v1/schema.json"], "properties": {"x:size": 1}}""")!;
        var invalid = JsonNode.Parse("""{"type": "Feature", "stac_extensions": ["https://extensions.example/x/v1/schema.json"], "properties": {}}""")!;
        var elsewhere = JsonNode.Parse("""{"type": "Feature", "stac_extensions": ["https://intranet.example/secret.json"]}""")!;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => validator.ValidateAsync(i % 2 == 0 ? valid : invalid, Ct).AsTask()));
        var refused = await validator.ValidateAsync(elsewhere, Ct);

        Assert.Equal(1, http.Requests);
        Assert.All(results.Where((_, i) => i % 2 == 0), Assert.Empty);
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal("#/properties/x:size: PropertyRequired 'x:size'", Line(Assert.Single(r))));
        Assert.Contains("not under a fetchable prefix", Assert.Single(refused).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FetchFailed_IsAnError_AndIsTriedAgainLater()
    {
        var http = new CountingHttp(HttpStatusCode.ServiceUnavailable, "");
        var validator = NewValidator(http, new StacSchemaOptions { Enabled = true, AllowFetch = true, FetchablePrefixes = ["https://extensions.example/"] }, ("item.json", "{}"));
        var item = JsonNode.Parse("""{"type": "Feature", "stac_extensions": ["https://extensions.example/x/v1/schema.json"]}""")!;

        var first = await validator.ValidateAsync(item, Ct);
        http.Answer(HttpStatusCode.OK, "{}");
        var second = await validator.ValidateAsync(item, Ct);

        Assert.Contains("503", Assert.Single(first).Message, StringComparison.Ordinal);
        Assert.Empty(second);
        Assert.Equal(2, http.Requests);
    }

    [Fact]
    public async Task ValidateItem_ServedForm_HasTheCatalogsLinksAndBbox()
    {
        // An item as bulk files carry it: "collection" set, no links. As given, the STAC rule "collection needs a
        // collection link" fails; as served (the catalog writes the links), it holds.
        var validator = NewValidator(("item.json", """
            {"required": ["links", "bbox"], "properties": {"bbox": {"minItems": 4, "maxItems": 4}},
             "if": {"properties": {"links": {"contains": {"properties": {"rel": {"const": "collection"}}, "required": ["rel"]}}}},
             "then": {"required": ["collection"]}, "else": {"properties": {"collection": {"not": {}}}}}
            """));
        var item = JsonNode.Parse("""
            {"type": "Feature", "id": "a", "collection": "c", "links": [], "bbox": [1, 2, 3],
             "geometry": {"type": "Polygon", "coordinates": [[[10, 40], [11, 40], [11, 41], [10, 40]]]}, "properties": {}}
            """)!.AsObject();

        var asGiven = await validator.ValidateAsync(item, Ct);
        var asServed = await validator.ValidateItemAsync(item, null, Ct);
        using var document = System.Text.Json.JsonDocument.Parse(item.ToJsonString());
        var asServedFromElement = await validator.ValidateItemAsync(document.RootElement, null, Ct);

        Assert.Contains(asGiven, e => e.Path == "#/collection");
        Assert.Contains(asGiven, e => e.Path == "#/bbox");
        Assert.Empty(asServed);
        Assert.Empty(asServedFromElement);
        Assert.Empty(item["links"]!.AsArray()); // the caller's document is left as it was
    }

    [Fact]
    public async Task ValidateItem_Disabled_AcceptsAnything()
    {
        var validator = NewValidator(new CountingHttp(HttpStatusCode.OK, "{}"), new StacSchemaOptions { Enabled = false }, ("item.json", """{"not": {}}"""));
        var item = new JsonObject { ["type"] = "Feature" };

        var ingest = await validator.ValidateItemAsync(item, null, Ct);
        var explicitly = await validator.ValidateAsync(item, Ct);

        Assert.Empty(ingest);
        Assert.Single(explicitly);
    }

    [Fact]
    public async Task ValidateItem_ManyThreads_GiveTheSameAnswers()
    {
        var validator = NewValidator(("item.json", """{"properties": {"properties": {"properties": {"n": {"maximum": 10}}}}}"""));
        var items = Enumerable.Range(0, 2000)
            .Select(i => new JsonObject { ["type"] = "Feature", ["id"] = $"i{i}", ["properties"] = new JsonObject { ["n"] = i % 20 } }).ToArray();
        await validator.ValidateItemAsync(items[0], null, Ct);

        var counts = new int[items.Length];
        await Parallel.ForAsync(0, items.Length, Ct, async (i, ct) => counts[i] = (await validator.ValidateItemAsync(items[i], null, ct)).Count);

        Assert.Equal(items.Select((_, i) => i % 20 > 10 ? 1 : 0), counts);
    }

    [Fact]
    public void Options_EnabledWithoutSchemas_FailStartUpNamingTheKeys()
    {
        var errors = Validate(new StacSchemaOptions { Enabled = true });

        Assert.Contains(errors, e => e.Contains("StacSchemas:Root", StringComparison.Ordinal) && e.Contains("StacSchemas:AllowFetch", StringComparison.Ordinal)
            && e.Contains("StacSchemas:Enabled=false", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_EnabledWithoutTheCoreSchemas_FailStartUpNamingThem()
    {
        var errors = Validate(new StacSchemaOptions { Enabled = true, Root = _root.FullName });

        Assert.Contains(errors, e => e.Contains(StacSchemaValidator.ItemSchema, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_DisabledOrFetching_NeedNoFolder()
    {
        Assert.Empty(Validate(new StacSchemaOptions()));
        Assert.Empty(Validate(new StacSchemaOptions { Enabled = true, AllowFetch = true }));
    }

    [Fact]
    public void Options_FolderMissingOrBadBaseUrl_AreRefused()
    {
        var errors = Validate(new StacSchemaOptions
        {
            Root = Path.Combine(_root.FullName, "nowhere"),
            Folders = [new StacSchemaFolder { BaseUrl = "https://example.test/no-slash", Path = _root.FullName }],
        });

        Assert.Contains(errors, e => e.Contains("StacSchemas:Root", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("StacSchemas:Folders:0:BaseUrl", StringComparison.Ordinal));
    }

    private static string Line(StacValidationError error) => $"{error.Path}: {error.Message}";

    private static List<string> Validate(StacSchemaOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    private StacSchemaValidator NewValidator(params (string Path, string Json)[] schemas) =>
        NewValidator(new CountingHttp(HttpStatusCode.NotFound, ""), new StacSchemaOptions { Enabled = true }, schemas);

    private StacSchemaValidator NewValidator(CountingHttp http, params (string Path, string Json)[] schemas) =>
        NewValidator(http, new StacSchemaOptions { Enabled = true }, schemas);

    /// <summary>
    /// Writes the schemas under <see cref="Base"/> and "item.json" (if given) as the STAC 1.1 item schema, then builds
    /// a validator over the folder with the options given (its Root set to the folder).
    /// </summary>
    private StacSchemaValidator NewValidator(CountingHttp http, StacSchemaOptions options, params (string Path, string Json)[] schemas)
    {
        foreach (var (path, json) in schemas)
        {
            var url = path == "item.json" ? StacSchemaValidator.ItemSchema : Base + path;
            var uri = new Uri(url);
            var file = Path.Combine(_root.FullName, uri.Host, uri.AbsolutePath.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, json);
        }
        options.Root = _root.FullName;
        return new StacSchemaValidator(Options.Create(options), http);
    }

    /// <summary>Answers every request with one status and body, and counts them.</summary>
    private sealed class CountingHttp(HttpStatusCode status, string body) : IHttpClientFactory
    {
        private readonly Handler _handler = new(status, body);

        public int Requests => _handler.Requests;

        public void Answer(HttpStatusCode newStatus, string newBody) => _handler.Answer(newStatus, newBody);

        public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false);

        private sealed class Handler(HttpStatusCode status, string body) : HttpMessageHandler
        {
            private (HttpStatusCode Status, string Body) _answer = (status, body);
            private int _requests;

            public int Requests => Volatile.Read(ref _requests);

            public void Answer(HttpStatusCode newStatus, string newBody) => _answer = (newStatus, newBody);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _requests);
                return Task.FromResult(new HttpResponseMessage(_answer.Status) { Content = new StringContent(_answer.Body) });
            }
        }
    }
}
