using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using StacSchemaNotAvailableException = Marketplace.Catalog.Validation.StacSchemaNotAvailableException;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Stac;

/// <summary>
/// Every STAC document the API serves validates against the official STAC 1.1 schemas (and the schemas of the
/// extensions it declares), resolved offline from ../shared/stac-schemas; and the marketplace's own extension schema
/// accepts its example and rejects broken variants.
/// </summary>
public sealed class StacSchemaTests(CatalogApp app, StacSchemaValidator validator) : IClassFixture<CatalogApp>, IClassFixture<StacSchemaValidator>
{
    private const string Eo = "https://stac-extensions.github.io/eo/v2.0.0/schema.json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string ExamplePath => Path.Combine(validator.MarketplaceSchemasFolder, "examples", "item-with-marketplace-extension.json");

    [Fact]
    public async Task OfflineSchemas_EveryFileLoadsWithAllReferencesResolved()
    {
        var urls = validator.LocalSchemaUrls();
        var failures = new List<string>();
        foreach (var url in urls)
        {
            try
            {
                await validator.LoadAsync(url);
            }
            catch (Exception e) when (e is InvalidOperationException or StacSchemaNotAvailableException)
            {
                failures.Add($"{url}: {e.Message}");
            }
        }

        Assert.Equal(45, urls.Count(u => !u.StartsWith(StacSchemaValidator.MarketplaceExtensionBase, StringComparison.Ordinal)));
        Assert.Contains(StacSchemaValidator.MarketplaceExtension, urls);
        Assert.True(failures.Count == 0, "Schemas that do not load:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task MissingSchema_FailsNamingItsUrl_AndNeverFetches()
    {
        const string Missing = "https://stac-extensions.github.io/eo/v9.9.9/schema.json";

        var item = await ExampleAsync();
        item["stac_extensions"]!.AsArray().Add(Missing);

        var direct = await Assert.ThrowsAsync<StacSchemaNotAvailableException>(() => validator.LoadAsync(Missing));
        var declared = await validator.ValidateAsync(item);

        Assert.Contains(Missing, direct.Message, StringComparison.Ordinal);
        var index = item["stac_extensions"]!.AsArray().Count - 1;
        var error = Assert.Single(declared);
        Assert.StartsWith($"stac-extensions.github.io/eo/v9.9.9/schema.json: #/stac_extensions/{index}: the schema cannot be used", error, StringComparison.Ordinal);
        Assert.Contains("fetching is not allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingReferencedSchema_FailsNamingTheReferencedUrl()
    {
        var root = Directory.CreateTempSubdirectory("stac-schemas-");
        try
        {
            var shared = Directory.CreateDirectory(Path.Combine(root.FullName, "shared", "example.test", "v1")).Parent!.Parent!.FullName;
            var own = Directory.CreateDirectory(Path.Combine(root.FullName, "own")).FullName;
            await File.WriteAllTextAsync(Path.Combine(shared, "example.test", "v1", "schema.json"),
                """{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"a":{"$ref":"../v2/gone.json#/definitions/x"}}}""", Ct);
            var isolated = StacSchemaValidator.ForFolders(shared, own);

            var error = await Assert.ThrowsAsync<StacSchemaNotAvailableException>(() => isolated.LoadAsync("https://example.test/v1/schema.json"));

            Assert.Equal("https://example.test/v2/gone.json", error.Url);
            Assert.Contains("https://example.test/v2/gone.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task LandingPage_IsAValidCatalog()
    {
        using var client = app.CreateClient();

        var landing = await GetJsonAsync(client, "/");

        AssertValid("landing page /", await validator.ValidateAsync(landing));
    }

    [Fact]
    public async Task Collections_ListedAndSingle_AreValidCollections()
    {
        using var client = await app.ClientAsAsync("demo-government-buyer", Ct);

        var list = await GetJsonAsync(client, "/collections");
        var report = new ErrorReport();
        var ids = new List<string>();
        foreach (var collection in list.GetProperty("collections").EnumerateArray())
        {
            var id = collection.GetProperty("id").GetString()!;
            ids.Add(id);
            report.Add($"/collections [{id}]", await validator.ValidateAsync(collection));
            report.Add($"/collections/{id}", await validator.ValidateAsync(await GetJsonAsync(client, $"/collections/{Uri.EscapeDataString(id)}")));
        }

        Assert.Contains(CatalogApp.Collection, ids);
        report.AssertNone();
    }

    [Fact]
    public async Task CollectionItems_EveryPage_AreValidItems()
    {
        using var client = app.CreateClient();

        var items = await AllFeaturesAsync(client, $"/collections/{CatalogApp.Collection}/items?limit=10");

        Assert.Equal(27, items.Count);
        await AssertItemsValidAsync($"/collections/{CatalogApp.Collection}/items", items);
    }

    [Fact]
    public async Task SearchGet_Items_AreValidItems()
    {
        using var client = await app.ClientAsAsync("demo-government-buyer", Ct);

        var items = await AllFeaturesAsync(client, "/search?limit=100");

        Assert.Equal(29, items.Count);
        await AssertItemsValidAsync("GET /search", items);
    }

    [Fact]
    public async Task SearchPost_Items_AreValidItems()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/search", new { collections = new[] { CatalogApp.Collection }, limit = 100 }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await MarketplaceApp.ReadJsonAsync(response, Ct)).GetProperty("features").EnumerateArray().ToList();

        Assert.Equal(27, items.Count);
        await AssertItemsValidAsync("POST /search", items);
    }

    [Fact]
    public async Task SingleItem_IsAValidItem()
    {
        using var client = await app.ClientAsAsync("demo-government-buyer", Ct);
        var report = new ErrorReport();

        foreach (var id in new[] { "public-00", "antimeridian-east", "sensitive-1" })
        {
            var path = $"/collections/{CatalogApp.Collection}/items/{id}";
            report.Add(path, await validator.ValidateAsync(await GetJsonAsync(client, path)));
        }

        report.AssertNone();
    }

    [Fact]
    public async Task Validator_RejectsServedItem_WithIdRemovedOrLocalDatetime()
    {
        using var client = app.CreateClient();
        var served = JsonNode.Parse((await GetJsonAsync(client, $"/collections/{CatalogApp.Collection}/items/public-00")).GetRawText())!.AsObject();
        AssertValid("the served item", await validator.ValidateAsync(served));
        var withoutId = served.DeepClone().AsObject();
        withoutId.Remove("id");
        var localDatetime = served.DeepClone().AsObject();
        localDatetime["properties"]!["datetime"] = "2025-01-01T10:00:00";

        var idErrors = await validator.ValidateAsync(withoutId);
        var datetimeErrors = await validator.ValidateAsync(localDatetime);

        Assert.Contains(idErrors, e => e.Contains("#/id: PropertyRequired 'id'", StringComparison.Ordinal));
        Assert.Contains(datetimeErrors, e => e.Contains("#/properties/datetime", StringComparison.Ordinal) && e.Contains("DateTimeExpected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("id removed", "#/id: PropertyRequired 'id'")]
    [InlineData("datetime not RFC 3339", "#/properties/datetime")]
    [InlineData("datetime with a non-UTC offset", "#/properties/datetime")]
    [InlineData("stac_version 1.0.0", "#/stac_version: ConstMismatch")]
    [InlineData("start_datetime without end_datetime", "#/properties/end_datetime: PropertyRequired")]
    [InlineData("null datetime without a range", "#/properties/start_datetime: PropertyRequired")]
    [InlineData("collection without a collection link", "#/collection")]
    [InlineData("eo:cloud_cover above 100", "eo/v2.0.0/schema.json: #/properties/eo:cloud_cover: NumberTooBig")]
    [InlineData("proj:shape of fractions", "projection/v2.0.0/schema.json: #/properties/proj:shape/0: IntegerExpected")]
    public async Task Validator_RejectsBrokenItems_NamingTheField(string change, string expected)
    {
        var item = await ExampleAsync();
        AssertValid("the unchanged example", await validator.ValidateAsync(item));
        var properties = item["properties"]!.AsObject();
        switch (change)
        {
            case "id removed":
                item.Remove("id");
                break;
            case "datetime not RFC 3339":
                properties["datetime"] = "2025-01-14 10:15:12";
                break;
            case "datetime with a non-UTC offset":
                properties["datetime"] = "2025-01-14T12:15:12+02:00";
                break;
            case "stac_version 1.0.0":
                item["stac_version"] = "1.0.0";
                break;
            case "start_datetime without end_datetime":
                properties["start_datetime"] = "2025-01-14T10:00:00Z";
                break;
            case "null datetime without a range":
                properties["datetime"] = null;
                break;
            case "collection without a collection link":
                var links = item["links"]!.AsArray();
                links.Remove(links.Single(l => (string?)l!["rel"] == "collection"));
                break;
            case "eo:cloud_cover above 100":
                properties["eo:cloud_cover"] = 101;
                break;
            case "proj:shape of fractions":
                properties["proj:shape"] = new JsonArray(5500.5, 4000);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        var errors = await validator.ValidateAsync(item);

        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)),
            $"Expected an error containing \"{expected}\" for {change}; got:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public async Task Validator_EnforcesExtensionMembership()
    {
        var item = await ExampleAsync();
        item["stac_extensions"]!.AsArray().Remove(item["stac_extensions"]!.AsArray().Single(e => (string?)e == Eo));

        var errors = await validator.ValidateAgainstAsync(Eo, item.ToJsonString());

        Assert.Contains(errors, e => e.Contains("#/stac_extensions: ContainsNoMatchingItem", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarketplaceExtension_Example_IsValid()
    {
        var example = await ExampleAsync();

        var errors = await validator.ValidateAsync(example);

        Assert.Contains(StacSchemaValidator.MarketplaceExtension, example["stac_extensions"]!.AsArray().Select(e => (string?)e));
        AssertValid(ExamplePath, errors);
    }

    [Fact]
    public async Task MarketplaceExtension_GradeAsNumber_Fails()
    {
        var example = await ExampleAsync();
        example["properties"]!["marketplace:grade"] = 2;

        var errors = await validator.ValidateAsync(example);

        Assert.Contains(errors, e => e.Contains("marketplace/v1.0.0/schema.json: #/properties/marketplace:grade: StringExpected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("marketplace:grade", null, "#/properties/marketplace:grade: PropertyRequired")]
    [InlineData("marketplace:grade", "\"top-secret\"", "#/properties/marketplace:grade: NotInEnumeration")]
    [InlineData("marketplace:certification", """{"status":"approved"}""", "#/properties/marketplace:certification/status: NotInEnumeration")]
    [InlineData("marketplace:certification", """{"status":"certified","report":{"href":7}}""", "#/properties/marketplace:certification/report/href: StringExpected")]
    [InlineData("marketplace:provider", """{"organization_id":"orbital-eye"}""", "#/properties/marketplace:provider/organization_id: PatternMismatch")]
    [InlineData("marketplace:colour", "\"blue\"", "#/properties/marketplace:colour: NoAdditionalPropertiesAllowed")]
    public async Task MarketplaceExtension_BrokenFields_Fail(string field, string? json, string expected)
    {
        var example = await ExampleAsync();
        var properties = example["properties"]!.AsObject();
        properties.Remove(field);
        if (json is not null)
        {
            properties[field] = JsonNode.Parse(json);
        }

        var errors = await validator.ValidateAsync(example);

        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)),
            $"Expected an error containing \"{expected}\"; got:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public async Task MarketplaceExtension_OffersLinkWithoutStringHref_Fails()
    {
        var example = await ExampleAsync();
        example["links"]!.AsArray().Single(l => (string?)l!["rel"] == "offers")!["title"] = 3;

        var errors = await validator.ValidateAsync(example);

        Assert.Contains(errors, e => e.Contains("marketplace/v1.0.0/schema.json: #/links/4/title: StringExpected", StringComparison.Ordinal));
    }

    private async Task<JsonObject> ExampleAsync() =>
        JsonNode.Parse(await File.ReadAllTextAsync(ExamplePath, Ct))!.AsObject();

    private async Task AssertItemsValidAsync(string source, IReadOnlyList<JsonElement> items)
    {
        var report = new ErrorReport();
        foreach (var item in items)
        {
            report.Add($"{source} [{item.GetProperty("id").GetString()}]", await validator.ValidateAsync(item));
        }
        report.AssertNone();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await MarketplaceApp.ReadJsonAsync(response, Ct);
    }

    private static async Task<List<JsonElement>> AllFeaturesAsync(HttpClient client, string url)
    {
        var features = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            var page = await GetJsonAsync(client, next);
            features.AddRange(page.GetProperty("features").EnumerateArray());
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault();
        }
        return features;
    }

    private static void AssertValid(string what, IReadOnlyList<string> errors) =>
        Assert.True(errors.Count == 0, $"{what} does not validate:\n{string.Join('\n', errors)}");

    /// <summary>Validation errors of many documents, each error listed once with the documents that have it.</summary>
    private sealed class ErrorReport
    {
        private readonly Dictionary<string, List<string>> _documentsByError = new(StringComparer.Ordinal);

        public void Add(string document, IReadOnlyList<string> errors)
        {
            foreach (var error in errors)
            {
                if (!_documentsByError.TryGetValue(error, out var documents))
                {
                    _documentsByError[error] = documents = [];
                }
                documents.Add(document);
            }
        }

        public void AssertNone() =>
            Assert.True(_documentsByError.Count == 0, "STAC schema validation failed:\n" + string.Join('\n', _documentsByError.Select(e =>
                $"{e.Key}\n    in {e.Value.Count} document(s): {string.Join(", ", e.Value.Take(5))}{(e.Value.Count > 5 ? ", ..." : "")}")));
    }
}
