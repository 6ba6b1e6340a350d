using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Items;
using Marketplace.Catalog.Persistence;

namespace Marketplace.Catalog.Stac;

/// <summary>Renders stored items and collections as STAC 1.1 documents with their links, relative to the API root.</summary>
public static class StacDocuments
{
    public const string GeoJson = "application/geo+json";
    public const string Json = "application/json";

    public static JsonObject Item(ItemRecord item, string root)
    {
        ArgumentNullException.ThrowIfNull(item);
        var envelope = item.Geometry.EnvelopeInternal;
        var collection = $"{root}/collections/{Uri.EscapeDataString(item.CollectionId)}";
        return new JsonObject
        {
            ["type"] = "Feature",
            ["stac_version"] = StacConformance.StacVersion,
            ["stac_extensions"] = new JsonArray(item.StacExtensions.Select(e => (JsonNode)e).ToArray()),
            ["id"] = item.Id,
            ["collection"] = item.CollectionId,
            ["geometry"] = StacItemReader.ToGeoJson(item.Geometry),
            ["bbox"] = new JsonArray(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY),
            ["properties"] = JsonNode.Parse(item.Properties),
            ["assets"] = JsonNode.Parse(item.Assets),
            ["links"] = new JsonArray(
                Link("self", $"{collection}/items/{Uri.EscapeDataString(item.Id)}", GeoJson),
                Link("parent", collection, Json),
                Link("collection", collection, Json),
                Link("root", root + "/", Json)),
        };
    }

    public static JsonObject Collection(CollectionView view, string root)
    {
        ArgumentNullException.ThrowIfNull(view);
        var document = JsonNode.Parse(view.Collection.Document)!.AsObject();
        var self = $"{root}/collections/{Uri.EscapeDataString(view.Collection.Id)}";
        document["type"] = "Collection";
        document["stac_version"] = StacConformance.StacVersion;
        document["stac_extensions"] ??= new JsonArray();
        document["title"] ??= view.Collection.Title;
        document["extent"] = new JsonObject
        {
            ["spatial"] = new JsonObject
            {
                ["bbox"] = new JsonArray(view.SpatialExtent is { } box ? new JsonArray(box[0], box[1], box[2], box[3]) : new JsonArray(-180, -90, 180, 90)),
            },
            ["temporal"] = new JsonObject
            {
                ["interval"] = new JsonArray(new JsonArray(Instant(view.Start), Instant(view.End))),
            },
        };
        document["links"] = new JsonArray(
            Link("self", self, Json),
            Link("items", self + "/items", GeoJson),
            Link("parent", root + "/", Json),
            Link("root", root + "/", Json));
        return document;
    }

    public static JsonObject Link(string rel, string href, string type, string? title = null, string? method = null, JsonObject? body = null)
    {
        var link = new JsonObject { ["rel"] = rel, ["href"] = href, ["type"] = type };
        if (title is not null)
        {
            link["title"] = title;
        }
        if (method is not null)
        {
            link["method"] = method;
        }
        if (body is not null)
        {
            link["body"] = body;
        }
        return link;
    }

    private static JsonValue? Instant(DateTimeOffset? instant) =>
        instant is { } value ? JsonValue.Create(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)) : null;
}
