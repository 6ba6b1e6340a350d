using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Cql2;

namespace Marketplace.Catalog.Queryables;

/// <summary>
/// The properties a filter may use (STAC API Filter extension, "Queryables"), each with the indexed SQL expression it
/// maps to and its JSON Schema for <c>/queryables</c>. A property not declared here is refused, never scanned for.
/// </summary>
public sealed class CatalogQueryables : IQueryableColumns
{
    private sealed record Queryable(QueryableColumn Column, JsonObject Schema);

    private static readonly Dictionary<string, Queryable> Declared = new(StringComparer.Ordinal)
    {
        ["id"] = new(new("i.id", QueryableType.String), Schema("Item id", "string")),
        ["collection"] = new(new("i.collection_id", QueryableType.String), Schema("Collection id", "string")),
        ["geometry"] = new(new("i.geometry", QueryableType.Geometry),
            new JsonObject { ["title"] = "Footprint", ["$ref"] = "https://geojson.org/schema/Geometry.json" }),
        ["datetime"] = new(QueryableColumn.Interval("i.start_datetime", "i.end_datetime"), Schema("Acquisition time (or its interval)", "string", "date-time")),
        ["start_datetime"] = new(new("i.start_datetime", QueryableType.Timestamp), Schema("Start of the acquisition", "string", "date-time")),
        ["end_datetime"] = new(new("i.end_datetime", QueryableType.Timestamp), Schema("End of the acquisition", "string", "date-time")),
        ["platform"] = new(new("(i.properties->>'platform')", QueryableType.String), Schema("Platform (satellite)", "string")),
        ["constellation"] = new(new("(i.properties->>'constellation')", QueryableType.String), Schema("Constellation", "string")),
        ["instruments"] = new(new("(i.properties->'instruments')", QueryableType.Array), new JsonObject
        {
            ["title"] = "Instruments", ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" },
        }),
        ["gsd"] = new(new("((i.properties->>'gsd')::double precision)", QueryableType.Number), Schema("Ground sample distance (m)", "number")),
        ["eo:cloud_cover"] = new(new("((i.properties->>'eo:cloud_cover')::double precision)", QueryableType.Number), Range("Cloud cover (%)", 0, 100)),
        ["view:off_nadir"] = new(new("((i.properties->>'view:off_nadir')::double precision)", QueryableType.Number), Range("Off-nadir angle (°)", 0, 90)),
        ["view:sun_elevation"] = new(new("((i.properties->>'view:sun_elevation')::double precision)", QueryableType.Number), Range("Sun elevation (°)", -90, 90)),
        ["sar:instrument_mode"] = new(new("(i.properties->>'sar:instrument_mode')", QueryableType.String), Schema("SAR instrument mode", "string")),
        ["processing:level"] = new(new("(i.properties->>'processing:level')", QueryableType.String), Schema("Processing level", "string")),
    };

    public bool TryResolve(string name, [MaybeNullWhen(false)] out QueryableColumn column)
    {
        if (Declared.TryGetValue(name, out var queryable))
        {
            column = queryable.Column;
            return true;
        }
        column = null;
        return false;
    }

    /// <summary>The queryables as a JSON Schema document (OGC API - Features Part 3, "Queryables").</summary>
    public static JsonObject Document(string id, string title) => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2019-09/schema",
        ["$id"] = id,
        ["type"] = "object",
        ["title"] = title,
        ["properties"] = new JsonObject(Declared.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value.Schema.DeepClone()))),
        ["additionalProperties"] = false,
    };

    private static JsonObject Schema(string title, string type, string? format = null)
    {
        var schema = new JsonObject { ["title"] = title, ["type"] = type };
        if (format is not null)
        {
            schema["format"] = format;
        }
        return schema;
    }

    private static JsonObject Range(string title, double minimum, double maximum) =>
        new() { ["title"] = title, ["type"] = "number", ["minimum"] = minimum, ["maximum"] = maximum };
}
