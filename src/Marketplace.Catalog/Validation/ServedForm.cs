using System.Text.Json;
using Marketplace.Catalog.Aggregation;
using Marketplace.Catalog.Stac;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// A document as the catalog will serve it (<see cref="StacDocuments"/>): the members the catalog sets itself
/// (stac_version and links; an item's bbox and, when loaded into a named collection, its collection; a collection's
/// extent, and its type, title and stac_extensions when missing) take the values it serves, so validation judges what
/// clients will get rather than what the catalog replaces anyway. Every other member is judged as given.
/// </summary>
internal static class ServedForm
{
    /// <summary>Stands for the API's root URL (served links are absolute URLs under it).</summary>
    private const string Root = "http://localhost";

    public static JsonInstance Item(JsonInstance item, string? collectionId)
    {
        if (item.Kind != JsonValueKind.Object)
        {
            return item;
        }
        item.Set("stac_version", JsonInstance.Text(StacConformance.StacVersion));
        if (collectionId is not null)
        {
            item.Set("collection", JsonInstance.Text(collectionId));
        }
        if (item["assets"] is null)
        {
            item.Set("assets", JsonInstance.NewObject());
        }
        if (Bbox(item["geometry"]) is { } bbox)
        {
            item.Set("bbox", bbox);
        }
        var links = new List<JsonInstance>(4);
        if (item["collection"]?.String is { } collection)
        {
            var parent = $"{Root}/collections/{Uri.EscapeDataString(collection)}";
            links.Add(Link("self", $"{parent}/items/{Uri.EscapeDataString(item["id"]?.String ?? "item")}", StacDocuments.GeoJson));
            links.Add(Link("parent", parent, StacDocuments.Json));
            links.Add(Link("collection", parent, StacDocuments.Json));
        }
        links.Add(Link("root", Root + "/", StacDocuments.Json));
        item.Set("links", JsonInstance.NewArray([.. links]));
        return item;
    }

    public static JsonInstance Collection(JsonInstance collection)
    {
        if (collection.Kind != JsonValueKind.Object)
        {
            return collection;
        }
        var id = collection["id"]?.String ?? "collection";
        var self = $"{Root}/collections/{Uri.EscapeDataString(id)}";
        if (collection["type"] is null)
        {
            collection.Set("type", JsonInstance.Text("Collection"));
        }
        collection.Set("stac_version", JsonInstance.Text(StacConformance.StacVersion));
        if (collection["stac_extensions"] is null)
        {
            collection.Set("stac_extensions", JsonInstance.NewArray());
        }
        if (collection["title"] is null)
        {
            collection.Set("title", JsonInstance.Text(id));
        }
        var spatial = JsonInstance.NewObject();
        spatial.Set("bbox", JsonInstance.NewArray(JsonInstance.NewArray(Number(-180), Number(-90), Number(180), Number(90))));
        var temporal = JsonInstance.NewObject();
        temporal.Set("interval", JsonInstance.NewArray(JsonInstance.NewArray(JsonInstance.Null(), JsonInstance.Null())));
        var extent = JsonInstance.NewObject();
        extent.Set("spatial", spatial);
        extent.Set("temporal", temporal);
        collection.Set("extent", extent);
        var links = new List<JsonInstance>
        {
            Link("self", self, StacDocuments.Json),
            Link("items", self + "/items", StacDocuments.GeoJson),
            Link("queryables", self + "/queryables", "application/schema+json"),
            Link("parent", Root + "/", StacDocuments.Json),
            Link("root", Root + "/", StacDocuments.Json),
        };
        links.AddRange(AggregationCatalog.Links(self).Select(JsonInstance.From));
        collection.Set("links", JsonInstance.NewArray([.. links]));
        return collection;
    }

    private static JsonInstance Number(double value) => JsonInstance.Numeric(value);

    private static JsonInstance Link(string rel, string href, string type)
    {
        var link = JsonInstance.NewObject();
        link.Set("rel", JsonInstance.Text(rel));
        link.Set("href", JsonInstance.Text(href));
        link.Set("type", JsonInstance.Text(type));
        return link;
    }

    /// <summary>The 2D bounding box of a GeoJSON geometry's positions, as the catalog computes it; null when it has none that are numbers.</summary>
    private static JsonInstance? Bbox(JsonInstance? geometry)
    {
        double west = double.PositiveInfinity, south = double.PositiveInfinity, east = double.NegativeInfinity, north = double.NegativeInfinity;
        var found = false;
        var ok = true;
        Visit(geometry, 0);
        return ok && found ? JsonInstance.NewArray(Number(west), Number(south), Number(east), Number(north)) : null;

        void Visit(JsonInstance? value, int depth)
        {
            if (!ok || value is null || depth > 8)
            {
                ok = false;
                return;
            }
            if (value.Kind == JsonValueKind.Object)
            {
                if (value["coordinates"] is { Kind: JsonValueKind.Array } coordinates)
                {
                    Visit(coordinates, depth + 1);
                }
                if (value["geometries"] is { Kind: JsonValueKind.Array, Items: { } geometries })
                {
                    geometries.ForEach(g => Visit(g, depth + 1));
                }
                return;
            }
            if (value.Kind != JsonValueKind.Array)
            {
                ok = false;
                return;
            }
            var items = value.Items!;
            if (items.Count >= 2 && items[0].Kind == JsonValueKind.Number && items[1].Kind == JsonValueKind.Number)
            {
                (west, east) = (Math.Min(west, items[0].Number), Math.Max(east, items[0].Number));
                (south, north) = (Math.Min(south, items[1].Number), Math.Max(north, items[1].Number));
                found = true;
                return;
            }
            items.ForEach(child => Visit(child, depth + 1));
        }
    }
}
