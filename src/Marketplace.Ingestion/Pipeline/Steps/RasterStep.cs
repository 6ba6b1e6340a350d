using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Raster;
using Marketplace.Platform.Gdal;
using NetTopologySuite.IO.Converters;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>
/// Raster: every GeoTIFF data asset opened by GDAL in the sandbox (after the pixel-flood guard), then compared with
/// the draft: CRS, geotransform, footprint against the declared geometry (IoU), GSD from the pixel size, band count,
/// nodata share and degenerate statistics. The first raster gives the item its projection fields, and its footprint
/// when the draft has no geometry.
/// </summary>
public sealed class RasterStep(GdalSandbox sandbox, RasterInspector inspector, RasterChecks checks) : IPipelineStep
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public string Name => PipelineSteps.Raster;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<Finding>();
        var output = new JsonObject();
        var assets = new JsonObject();
        var properties = context.Draft["properties"] as JsonObject ?? [];
        var first = true;
        foreach (var asset in RasterAssets.Of(context.Product))
        {
            using var workspace = sandbox.CreateWorkspace();
            var file = await RasterAssets.ImportAsync(context, workspace, asset, ct);
            var inspection = await inspector.InspectAsync(file, ct);
            findings.AddRange(inspection.Findings.Select(f => f.InAsset(asset.Key)));
            if (inspection.Info is not { } info)
            {
                assets[asset.Key] = new JsonObject { ["opened"] = false };
                continue;
            }
            RasterDeclaration declared;
            try
            {
                declared = RasterDeclaration.FromGeoJson(context.Draft["geometry"]?.ToJsonString(), Number(properties["gsd"]),
                    (properties["eo:bands"] as JsonArray)?.Count, null) with { MaskedOutsideGeometry = context.Product.DerivedFromId is not null };
            }
            catch (JsonException ex)
            {
                findings.Add(Finding.Error("raster.declared-geometry-invalid", $"The draft's geometry is not valid GeoJSON: {ex.Message}", "item.geometry"));
                declared = new RasterDeclaration(null, Number(properties["gsd"]), (properties["eo:bands"] as JsonArray)?.Count, null);
            }
            var result = checks.Check(info, declared);
            findings.AddRange(result.Findings.Select(f => f.InAsset(asset.Key)));
            assets[asset.Key] = Describe(info, result);
            if (first)
            {
                first = false;
                if (result.FootprintDerived && result.Footprint is { } footprint)
                {
                    output["footprint"] = JsonSerializer.SerializeToNode(footprint, GeoJson);
                    var envelope = footprint.EnvelopeInternal;
                    output["bbox"] = new JsonArray(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
                }
                if (result.GsdMetres is { } gsd)
                {
                    output["gsd"] = Math.Round(gsd, 4);
                }
                output["projection"] = Projection(info);
            }
        }
        output["assets"] = assets;
        return StepResult.Of(findings, output);
    }

    private static JsonObject Describe(RasterInfo info, RasterCheckResult result) => new()
    {
        ["width"] = info.Width,
        ["height"] = info.Height,
        ["bands"] = info.Bands.Count,
        ["data_types"] = new JsonArray([.. info.Bands.Select(b => JsonValue.Create(b.DataType)).Distinct()]),
        ["crs_epsg"] = info.Crs?.Epsg,
        ["statistics"] = info.Statistics.ToString().ToLowerInvariant(),
        ["footprint_iou"] = result.FootprintIoU is { } iou ? Math.Round(iou, 4) : null,
        ["footprint_derived"] = result.FootprintDerived,
        ["gsd_metres"] = result.GsdMetres is { } gsd ? Math.Round(gsd, 4) : null,
        ["compression"] = info.ImageStructure.TryGetValue("COMPRESSION", out var compression) ? compression : null,
    };

    /// <summary>STAC projection extension fields (v1.2.0, which has both codes): proj:code and proj:epsg, proj:shape [rows, columns] and proj:transform (the affine's six numbers).</summary>
    private static JsonObject Projection(RasterInfo info)
    {
        var projection = new JsonObject { ["proj:shape"] = new JsonArray(info.Height, info.Width) };
        if (info.Crs?.Epsg is { } epsg)
        {
            projection["proj:code"] = "EPSG:" + epsg.ToString(CultureInfo.InvariantCulture);
            projection["proj:epsg"] = epsg;
        }
        if (info.GeoTransform is { } t)
        {
            projection["proj:transform"] = new JsonArray(t.PixelWidth, t.RowRotation, t.OriginX, t.ColumnRotation, t.PixelHeight, t.OriginY);
        }
        return projection;
    }

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

}
