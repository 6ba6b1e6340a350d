using System.Text.Json.Nodes;
using Marketplace.Api.Hosting;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Persistence;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Outcomes;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Stac;

/// <summary>
/// A collection enters the catalog only if, as the catalog will serve it, it validates against the STAC 1.1 collection
/// schema and the schema of every extension it declares; otherwise it is refused with the JSON Pointer of each error.
/// </summary>
public sealed class UpsertCollectionTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private const string Eo = "https://stac-extensions.github.io/eo/v2.0.0/schema.json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upsert_ValidCollectionWithoutServedMembers_IsSaved()
    {
        // No links, extent or stac_version: the catalog serves its own.
        var outcome = await UpsertAsync(Collection("upsert-valid"));

        Assert.IsType<Outcome<CollectionRecord>.Ok>(outcome);
    }

    [Fact]
    public async Task Upsert_ProviderWithUnknownRole_IsRefusedNamingThePointer()
    {
        var collection = Collection("upsert-bad-role");
        collection["providers"] = JsonNode.Parse("""[{"name": "Orbital Eye", "roles": ["producer", "owner"]}]""");

        var outcome = await UpsertAsync(collection);

        var invalid = Assert.IsType<Outcome<CollectionRecord>.Invalid>(outcome);
        var message = Assert.Single(Assert.Contains("#/providers/0/roles/1", invalid.Errors));
        Assert.StartsWith("NotInEnumeration (value \"owner\")", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_ExtensionFieldOutOfRange_IsRefusedByTheExtensionSchema()
    {
        var collection = Collection("upsert-bad-eo");
        collection["stac_extensions"] = new JsonArray(Eo);
        collection["summaries"] = JsonNode.Parse("""{"eo:cloud_cover": {"minimum": 0, "maximum": 100}}""");
        collection["assets"] = JsonNode.Parse("""{"overview": {"href": "https://example.test/o.tif", "eo:cloud_cover": 130}}""");

        var outcome = await UpsertAsync(collection);

        var invalid = Assert.IsType<Outcome<CollectionRecord>.Invalid>(outcome);
        Assert.Contains(invalid.Errors, e => e.Key == "#/assets/overview/eo:cloud_cover"
            && e.Value.Any(m => m.StartsWith("NumberTooBig (value 130", StringComparison.Ordinal) && m.Contains("eo/v2.0.0/schema.json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Upsert_ExtensionSchemaUnavailable_IsRefusedNamingItsUrl()
    {
        const string Unknown = "https://stac-extensions.github.io/unknown/v1.0.0/schema.json";
        var collection = Collection("upsert-unknown-extension");
        collection["stac_extensions"] = new JsonArray(Unknown);

        var outcome = await UpsertAsync(collection);

        var invalid = Assert.IsType<Outcome<CollectionRecord>.Invalid>(outcome);
        var message = Assert.Single(Assert.Contains("#/stac_extensions/0", invalid.Errors));
        Assert.Contains(Unknown, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogCollectionCommand_InvalidCollection_ListsEachPointerOnItsOwnLine()
    {
        var collection = Collection("upsert-cli");
        collection["providers"] = JsonNode.Parse("""[{"name": "Orbital Eye", "roles": ["owner"]}]""");
        collection["keywords"] = JsonNode.Parse("[1]");
        var file = Path.Combine(Path.GetTempPath(), $"collection-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, collection.ToJsonString(), Ct);
        try
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => CatalogCommands.LoadCollectionAsync(app.Services, file, Ct));

            var lines = error.Message.Split(Environment.NewLine);
            Assert.Equal($"The collection in {file} is not valid:", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("  #/providers/0/roles/0: NotInEnumeration (value \"owner\")", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("  #/keywords/0: StringExpected (value 1)", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static JsonObject Collection(string id) => new()
    {
        ["type"] = "Collection",
        ["id"] = id,
        ["title"] = "Upsert checks",
        ["description"] = "A collection for the validation tests.",
        ["license"] = "proprietary",
    };

    private async Task<Outcome<CollectionRecord>> UpsertAsync(JsonObject collection)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UpsertCollection>().HandleAsync(collection, null, Ct);
    }
}
