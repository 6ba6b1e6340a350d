using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Persistence;

namespace Marketplace.Catalog.Stac;

/// <summary>Renders stored items and collections as STAC 1.1 documents with their links, relative to the API root.</summary>
public static class StacDocuments
{
    public const string GeoJson = "application/geo+json";
    public const string Json = "application/json";

    /// <summary>The item's document as a node, for callers that change it (the fields extension).</summary>
    public static JsonObject Item(ItemRecord item, string root) => JsonNode.Parse(StacItemWriter.ToUtf8(item, root))!.AsObject();

    /// <summary>
    /// Gives both <c>proj:code</c> (projection extension v2) and <c>proj:epsg</c> (v1, which GDAL's STACIT driver reads)
    /// when an EPSG code is known, so clients of either version find it.
    /// </summary>
    public static JsonNode? WithBothProjectionCodes(JsonNode? properties)
    {
        if (properties is not JsonObject p)
        {
            return properties;
        }
        if (p["proj:epsg"] is JsonValue epsg && epsg.TryGetValue<int>(out var code) && p["proj:code"] is null)
        {
            p["proj:code"] = "EPSG:" + code.ToString(CultureInfo.InvariantCulture);
        }
        else if (p["proj:code"] is JsonValue text && text.TryGetValue<string>(out var value) && p["proj:epsg"] is null
                 && value.StartsWith("EPSG:", StringComparison.Ordinal) && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            p["proj:epsg"] = parsed;
        }
        return p;
    }

    /// <summary>
    /// Projection extension v2 forbids <c>proj:epsg</c>, which <see cref="WithBothProjectionCodes"/> adds; v1.2.0 has both
    /// codes and every other field of v2, so an item served with both declares v1.2.0 and stays valid.
    /// </summary>
    public static IEnumerable<string> ProjectionExtensionForBothCodes(IEnumerable<string> extensions) =>
        extensions.Select(e => e.StartsWith(ProjectionV2Prefix, StringComparison.Ordinal) ? ProjectionBothCodes : e).Distinct(StringComparer.Ordinal);

    public const string ProjectionBothCodes = "https://stac-extensions.github.io/projection/v1.2.0/schema.json";

    private const string ProjectionV2Prefix = "https://stac-extensions.github.io/projection/v2.";

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
        document["links"] = new JsonArray(new JsonNode[]
        {
            Link("self", self, Json),
            Link("items", self + "/items", GeoJson),
            Link("queryables", self + "/queryables", "application/schema+json"),
            Link("parent", root + "/", Json),
            Link("root", root + "/", Json),
        }.Concat(Aggregation.AggregationCatalog.Links(self)).ToArray());
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
