using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Items;
using Marketplace.Catalog.Persistence;

namespace Marketplace.Catalog.Stac;

/// <summary>
/// Writes a stored item as its STAC 1.1 document straight into a <see cref="Utf8JsonWriter"/>: properties and assets
/// are written as the database returned them (jsonb text) instead of being parsed and serialised again, which is most
/// of the cost of a page of search results. Only the rare parts that change when served (a projection code to add,
/// relative hrefs of the item's own links) are parsed.
/// </summary>
public static class StacItemWriter
{
    /// <summary>
    /// Writer settings of STAC documents: application/json and application/geo+json are not HTML, so characters such as
    /// <c>&amp;</c> and <c>+</c> in hrefs are written as themselves.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter writer, ItemRecord item, string root)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        var envelope = item.Geometry.EnvelopeInternal;
        var collection = $"{root}/collections/{Uri.EscapeDataString(item.CollectionId)}";
        writer.WriteStartObject();
        writer.WriteString("type"u8, "Feature"u8);
        writer.WriteString("stac_version"u8, StacConformance.StacVersion);
        writer.WriteStartArray("stac_extensions"u8);
        foreach (var extension in StacDocuments.ProjectionExtensionForBothCodes(item.StacExtensions))
        {
            writer.WriteStringValue(extension);
        }
        writer.WriteEndArray();
        writer.WriteString("id"u8, item.Id);
        writer.WriteString("collection"u8, item.CollectionId);
        writer.WritePropertyName("geometry"u8);
        StacItemReader.WriteGeoJson(writer, item.Geometry);
        writer.WriteStartArray("bbox"u8);
        writer.WriteNumberValue(envelope.MinX);
        writer.WriteNumberValue(envelope.MinY);
        writer.WriteNumberValue(envelope.MaxX);
        writer.WriteNumberValue(envelope.MaxY);
        writer.WriteEndArray();
        writer.WritePropertyName("properties"u8);
        if (MayNameProjectionCode(item.Properties))
        {
            // Stored properties are always a JSON object (the reader refuses anything else).
            StacDocuments.WithBothProjectionCodes(JsonNode.Parse(item.Properties))!.WriteTo(writer);
        }
        else
        {
            writer.WriteRawValue(item.Properties, skipInputValidation: true);
        }
        writer.WritePropertyName("assets"u8);
        writer.WriteRawValue(item.Assets, skipInputValidation: true);
        writer.WriteStartArray("links"u8);
        WriteLink(writer, "self", $"{collection}/items/{Uri.EscapeDataString(item.Id)}", StacDocuments.GeoJson);
        WriteLink(writer, "parent", collection, StacDocuments.Json);
        WriteLink(writer, "collection", collection, StacDocuments.Json);
        WriteLink(writer, "root", root + "/", StacDocuments.Json);
        foreach (var link in OwnLinks(item.Links, root))
        {
            link.WriteTo(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The item's document as UTF-8 bytes.</summary>
    public static byte[] ToUtf8(ItemRecord item, string root)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, item, root);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Whether the properties may hold <c>proj:epsg</c> or <c>proj:code</c>, in which case the other one is added; jsonb
    /// text writes keys unescaped, so a plain search finds them.
    /// </summary>
    private static bool MayNameProjectionCode(string properties) =>
        properties.Contains("\"proj:epsg\"", StringComparison.Ordinal) || properties.Contains("\"proj:code\"", StringComparison.Ordinal);

    private static void WriteLink(Utf8JsonWriter writer, string rel, string href, string type)
    {
        writer.WriteStartObject();
        writer.WriteString("rel"u8, rel);
        writer.WriteString("href"u8, href);
        writer.WriteString("type"u8, type);
        writer.WriteEndObject();
    }

    /// <summary>The item's own links; an href that is a path on this API (<c>/products/…</c>) is made absolute.</summary>
    private static IEnumerable<JsonObject> OwnLinks(string? links, string root)
    {
        foreach (var link in (links is null ? null : JsonNode.Parse(links) as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (link["href"] is JsonValue href && href.TryGetValue<string>(out var text) && text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal))
            {
                link["href"] = root + text;
            }
            yield return link;
        }
    }
}
