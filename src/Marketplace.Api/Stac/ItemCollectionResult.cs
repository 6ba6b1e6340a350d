using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Search;
using Marketplace.Catalog.Stac;

namespace Marketplace.Api.Stac;

/// <summary>
/// A page of search results as a GeoJSON FeatureCollection, written item by item into the response as it is sent:
/// no document tree of the whole page is built, and a large page goes out in pieces instead of being held whole.
/// </summary>
internal sealed class ItemCollectionResult(ItemPage page, string root, JsonArray links, FieldsSelection fields) : IResult
{
    /// <summary>Pending bytes after which the written items are handed to the response.</summary>
    private const int FlushThreshold = 64 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var ct = httpContext.RequestAborted;
        response.ContentType = StacDocuments.GeoJson;
        var body = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, StacItemWriter.Options);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "FeatureCollection"u8);
        writer.WriteStartArray("features"u8);
        foreach (var item in page.Items)
        {
            if (fields.IsEmpty)
            {
                StacItemWriter.Write(writer, item, root);
            }
            else
            {
                fields.Apply(StacDocuments.Item(item, root)).WriteTo(writer);
            }
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
                await body.FlushAsync(ct);
            }
        }
        writer.WriteEndArray();
        writer.WritePropertyName("links"u8);
        links.WriteTo(writer);
        writer.WriteNumber("numberReturned"u8, page.Items.Count);
        if (page.NumberMatched is { } matched)
        {
            writer.WriteNumber("numberMatched"u8, matched);
        }
        writer.WriteEndObject();
        writer.Flush();
        await body.FlushAsync(ct);
    }
}
