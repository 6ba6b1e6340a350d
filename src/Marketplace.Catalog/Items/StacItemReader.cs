using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Persistence;
using Marketplace.Platform.Outcomes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Marketplace.Catalog.Items;

/// <summary>
/// Reads a STAC item (STAC 1.1 item spec; GeoJSON RFC 7946) into its stored form, refusing what the catalog cannot
/// serve correctly: a missing id or collection, a geometry that is not valid (self-intersecting, unclosed, outside
/// WGS 84), no datetime and no start/end datetimes.
/// </summary>
public sealed class StacItemReader
{
    private static readonly JsonSerializerOptions GeoJson = CreateGeoJsonOptions();

    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    /// <summary>Reads an item given as a JSON object node.</summary>
    public Outcome<ItemRecord> Read(JsonObject item, string? collectionId)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Read(JsonSerializer.SerializeToElement(item), collectionId);
    }

    /// <summary>
    /// Reads an item. Properties and assets are stored as the document gave them (its own text), so a bulk load does
    /// not serialise them again.
    /// </summary>
    public Outcome<ItemRecord> Read(JsonElement item, string? collectionId)
    {
        var errors = new FieldErrors();
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add("type", "A STAC item is a GeoJSON Feature object.");
            return errors.ToOutcome<ItemRecord>();
        }
        if (Text(item, "type") != "Feature")
        {
            errors.Add("type", "A STAC item is a GeoJSON Feature: \"type\" must be \"Feature\".");
        }
        var id = Text(item, "id") is { Length: > 0 and <= 200 } idText ? idText : null;
        if (id is null)
        {
            errors.Add("id", "A non-empty id of at most 200 characters is required.");
        }
        var collection = collectionId ?? Text(item, "collection");
        if (string.IsNullOrEmpty(collection))
        {
            errors.Add("collection", "The item must name its collection.");
        }
        var geometry = ReadGeometry(item.TryGetProperty("geometry", out var g) && g.ValueKind != JsonValueKind.Null ? g : null, errors);
        JsonElement? properties = item.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : null;
        if (properties is null)
        {
            errors.Add("properties", "A properties object is required.");
        }
        var (datetime, start, end) = properties is null ? (null, default, default) : ReadDatetimes(properties.Value, errors);
        if (errors.Any)
        {
            return errors.ToOutcome<ItemRecord>();
        }
        return new ItemRecord
        {
            CollectionId = collection!,
            Id = id!,
            Geometry = geometry!,
            Datetime = datetime,
            StartDatetime = start,
            EndDatetime = end,
            Properties = properties!.Value.GetRawText(),
            Assets = item.TryGetProperty("assets", out var assets) && assets.ValueKind == JsonValueKind.Object ? assets.GetRawText() : "{}",
            StacExtensions = item.TryGetProperty("stac_extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Array
                ? extensions.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(e => e.Length > 0).ToArray()
                : [],
            Links = OwnLinks(item),
        };
    }

    /// <summary>Links the catalog makes itself when serving an item; any others the item brings are kept.</summary>
    private static readonly HashSet<string> NavigationRels = new(StringComparer.Ordinal) { "self", "root", "parent", "collection" };

    /// <summary>The item's links other than the navigation ones, as a JSON array, or null when there are none.</summary>
    private static string? OwnLinks(JsonElement item)
    {
        if (!item.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var own = links.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.Object
            && l.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String
            && !(l.TryGetProperty("rel", out var rel) && rel.ValueKind == JsonValueKind.String && NavigationRels.Contains(rel.GetString()!))).ToList();
        return own.Count == 0 ? null : "[" + string.Join(",", own.Select(l => l.GetRawText())) + "]";
    }

    /// <summary>Writes a geometry as GeoJSON.</summary>
    public static void WriteGeoJson(Utf8JsonWriter writer, Geometry geometry) => JsonSerializer.Serialize(writer, geometry, GeoJson);

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private Geometry? ReadGeometry(JsonElement? node, FieldErrors errors)
    {
        if (node is null)
        {
            errors.Add("geometry", "A geometry is required (items without one cannot be found by location).");
            return null;
        }
        Geometry? geometry;
        try
        {
            geometry = node.Value.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            errors.Add("geometry", $"The geometry is not valid GeoJSON: {ex.Message}");
            return null;
        }
        if (geometry is null || geometry.IsEmpty)
        {
            errors.Add("geometry", "The geometry is empty.");
            return null;
        }
        geometry = _factory.CreateGeometry(geometry);
        var validity = new IsValidOp(geometry);
        if (!validity.IsValid)
        {
            errors.Add("geometry", $"The geometry is not valid: {validity.ValidationError.Message} at {validity.ValidationError.Coordinate}.");
            return null;
        }
        var envelope = geometry.EnvelopeInternal;
        if (envelope.MinX < -180 || envelope.MaxX > 180 || envelope.MinY < -90 || envelope.MaxY > 90)
        {
            errors.Add("geometry", "Coordinates must be WGS 84 longitude and latitude (RFC 7946).");
            return null;
        }
        return geometry;
    }

    private static (DateTimeOffset? Datetime, DateTimeOffset Start, DateTimeOffset End) ReadDatetimes(JsonElement properties, FieldErrors errors)
    {
        var datetime = ReadInstant(properties, "datetime", errors);
        var start = ReadInstant(properties, "start_datetime", errors);
        var end = ReadInstant(properties, "end_datetime", errors);
        if (datetime is null && (start is null || end is null))
        {
            errors.Add("properties.datetime", "Either datetime or both start_datetime and end_datetime are required.");
            return (null, default, default);
        }
        if (start is not null && end is not null && end < start)
        {
            errors.Add("properties.end_datetime", "end_datetime is before start_datetime.");
        }
        return (datetime, start ?? datetime!.Value, end ?? datetime!.Value);
    }

    private static DateTimeOffset? ReadInstant(JsonElement properties, string name, FieldErrors errors)
    {
        if (Text(properties, name) is not { } text)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }
        errors.Add($"properties.{name}", $"'{text}' is not an RFC 3339 date-time.");
        return null;
    }

    private static JsonSerializerOptions CreateGeoJsonOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
