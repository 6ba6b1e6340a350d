using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Stac;
using NetTopologySuite.Geometries;

namespace Marketplace.UnitTests.Catalog.Stac;

public sealed class StacItemWriterTests
{
    private const string Root = "http://127.0.0.1:5000";

    private static ItemRecord Item(string properties, string? links = null) => new()
    {
        CollectionId = "optical l2a",
        Id = "scene/1",
        Geometry = new GeometryFactory(new PrecisionModel(), 4326).CreatePolygon(
            [new(10, 40), new(11.5, 40), new(11.5, 41.25), new(10, 41.25), new(10, 40)]),
        StartDatetime = DateTimeOffset.Parse("2024-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        EndDatetime = DateTimeOffset.Parse("2024-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Properties = properties,
        Assets = """{"data": {"href": "https://example.com/a.tif", "roles": ["data"]}}""",
        StacExtensions = ["https://stac-extensions.github.io/projection/v2.0.0/schema.json", "https://stac-extensions.github.io/eo/v2.0.0/schema.json"],
        Links = links,
    };

    [Fact]
    public void Writes_properties_as_stored_and_the_navigation_links()
    {
        var properties = """{"gsd": 10, "datetime": "2024-05-01T10:00:00Z", "eo:cloud_cover": 12.5}""";
        var bytes = StacItemWriter.ToUtf8(Item(properties), Root);

        Assert.Contains(properties, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var item = JsonNode.Parse(bytes)!.AsObject();
        Assert.Equal("Feature", (string?)item["type"]);
        Assert.Equal("scene/1", (string?)item["id"]);
        Assert.Equal([10, 40, 11.5, 41.25], item["bbox"]!.AsArray().Select(n => (double)n!).ToArray());
        Assert.Equal("Polygon", (string?)item["geometry"]!["type"]);
        Assert.Equal(12.5, (double)item["properties"]!["eo:cloud_cover"]!);
        Assert.Equal("https://example.com/a.tif", (string?)item["assets"]!["data"]!["href"]);
        var self = item["links"]!.AsArray().Single(l => (string?)l!["rel"] == "self")!;
        Assert.Equal($"{Root}/collections/optical%20l2a/items/scene%2F1", (string?)self["href"]);
        Assert.Equal(StacDocuments.GeoJson, (string?)self["type"]);
        Assert.Equal(["self", "parent", "collection", "root"], item["links"]!.AsArray().Select(l => (string?)l!["rel"]).ToArray());
    }

    [Fact]
    public void Adds_the_other_projection_code_and_declares_the_projection_version_with_both()
    {
        var item = JsonNode.Parse(StacItemWriter.ToUtf8(Item("""{"proj:epsg": 32633, "gsd": 10}"""), Root))!.AsObject();

        Assert.Equal("EPSG:32633", (string?)item["properties"]!["proj:code"]);
        Assert.Equal(32633, (int)item["properties"]!["proj:epsg"]!);
        Assert.Contains(StacDocuments.ProjectionBothCodes, item["stac_extensions"]!.AsArray().Select(e => (string?)e));

        var fromCode = JsonNode.Parse(StacItemWriter.ToUtf8(Item("""{"proj:code": "EPSG:4326"}"""), Root))!;
        Assert.Equal(4326, (int)fromCode["properties"]!["proj:epsg"]!);
    }

    [Fact]
    public void Makes_the_items_own_relative_links_absolute_and_keeps_the_others()
    {
        var links = """[{"rel": "derived_from", "href": "/products/p1", "type": "application/json"}, {"rel": "license", "href": "https://example.com/licence"}]""";
        var item = JsonNode.Parse(StacItemWriter.ToUtf8(Item("{}", links), Root))!;

        var own = item["links"]!.AsArray().Skip(4).ToArray();
        Assert.Equal($"{Root}/products/p1", (string?)own[0]!["href"]);
        Assert.Equal("https://example.com/licence", (string?)own[1]!["href"]);
    }

    [Fact]
    public void The_node_form_used_by_the_fields_extension_is_the_written_document()
    {
        var record = Item("""{"proj:epsg": 32633, "title": "Ünïcode & more"}""", """[{"rel": "derived_from", "href": "/products/p1"}]""");

        var node = StacDocuments.Item(record, Root);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(StacItemWriter.ToUtf8(record, Root)), node));
        Assert.Equal("Ünïcode & more", (string?)node["properties"]!["title"]);
    }
}
