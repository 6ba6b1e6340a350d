using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Products;

namespace Marketplace.Ingestion.Certification;

/// <summary>
/// Builds the STAC item a product is published as: the provider's draft, the geometry and projection the raster
/// check derived, every asset with its checksum and size (STAC file extension), and the marketplace extension's
/// certification status, report link and providing organization. Hrefs are root-relative API paths, which STAC
/// clients resolve against the item's own URL.
/// </summary>
public static class ItemAssembler
{
    public const string StacVersion = "1.1.0";
    public const string MarketplaceExtension = "https://satellite-marketplace.example/stac/marketplace/v1.0.0/schema.json";
    public const string FileExtension = "https://stac-extensions.github.io/file/v2.1.0/schema.json";
    public const string ProjectionExtension = Marketplace.Catalog.Stac.StacDocuments.ProjectionBothCodes;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The 2D bounding box of a GeoJSON geometry, or null when it cannot be read (metadata validation reports it).</summary>
    private static JsonArray? BoundingBox(JsonNode? geometry)
    {
        try
        {
            var envelope = geometry?.Deserialize<Geometry>(GeoJson)?.EnvelopeInternal;
            return envelope is null || envelope.IsNull ? null : new JsonArray(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The item, with <paramref name="grade"/> as its marketplace grade and <paramref name="certification"/> as its status.</summary>
    public static JsonObject Assemble(StepContext context, string grade, string certification)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = context.Product;
        var draft = context.Draft;
        var raster = context.OutputOf(PipelineSteps.Raster);
        var properties = (draft["properties"] as JsonObject)?.DeepClone().AsObject() ?? [];
        var extensions = new List<string>((draft["stac_extensions"] as JsonArray)?.OfType<JsonValue>()
            .Select(e => e.TryGetValue<string>(out var url) ? url : null).OfType<string>() ?? []);
        var geometry = draft["geometry"]?.DeepClone() ?? raster["footprint"]?.DeepClone();
        if (raster["projection"] is JsonObject projection)
        {
            foreach (var (name, value) in projection)
            {
                properties[name] = value?.DeepClone();
            }
            extensions.Add(ProjectionExtension);
        }
        if (raster["gsd"] is JsonValue measuredGsd && properties["gsd"] is null)
        {
            properties["gsd"] = measuredGsd.DeepClone();
        }
        properties["marketplace:grade"] = grade;
        properties["marketplace:provider"] = new JsonObject { ["organization_id"] = product.OrganizationId.ToString() };
        properties["marketplace:certification"] = new JsonObject
        {
            ["status"] = certification,
            ["report"] = new JsonObject
            {
                ["href"] = $"/products/{product.Id}/certification", ["type"] = "application/json", ["title"] = "Signed certification report",
            },
        };
        extensions.Add(FileExtension);
        extensions.Add(MarketplaceExtension);

        var assets = new JsonObject();
        foreach (var asset in product.Assets.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject
            {
                ["href"] = $"/products/{product.Id}/assets/{Uri.EscapeDataString(asset.Key)}",
                ["type"] = asset.MediaType,
                ["roles"] = new JsonArray([.. asset.Roles.Select(r => JsonValue.Create(r))]),
            };
            if (asset.Title is { } title)
            {
                entry["title"] = title;
            }
            if (asset.Sha256 is { } sha256)
            {
                entry["file:checksum"] = Pipeline.Steps.IntegrityStep.Multihash(sha256);
            }
            if (asset.Size is { } size)
            {
                entry["file:size"] = size;
            }
            assets[asset.Key] = entry;
        }
        assets["certification"] = new JsonObject
        {
            ["href"] = $"/products/{product.Id}/certification",
            ["type"] = "application/json",
            ["roles"] = new JsonArray("metadata", "certification"),
            ["title"] = "Signed certification report (JWS at /products/" + product.Id + "/certification.jws)",
        };

        var links = (draft["links"] as JsonArray)?.DeepClone().AsArray() ?? [];
        links.Add(new JsonObject { ["rel"] = "offers", ["href"] = $"/products/{product.Id}/offers", ["type"] = "application/json", ["title"] = "Offers" });
        return new JsonObject
        {
            ["type"] = "Feature",
            ["stac_version"] = StacVersion,
            // As the catalog serves it: a projection v2 declaration becomes v1.2.0, which allows both codes.
            ["stac_extensions"] = new JsonArray([.. Marketplace.Catalog.Stac.StacDocuments.ProjectionExtensionForBothCodes(extensions).Select(e => JsonValue.Create(e))]),
            ["id"] = product.ItemId,
            ["collection"] = product.CollectionId,
            ["geometry"] = geometry,
            ["bbox"] = draft["bbox"]?.DeepClone() ?? (draft["geometry"] is null ? raster["bbox"]?.DeepClone() : BoundingBox(geometry)),
            ["properties"] = properties,
            ["links"] = links,
            ["assets"] = assets,
        };
    }
}
