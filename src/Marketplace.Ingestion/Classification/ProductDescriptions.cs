using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Products;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Marketplace.Ingestion.Classification;

/// <summary>
/// Describes a certified product to the policy, from its item and what the telemetry step found. A declared
/// <c>marketplace:sensor_kind</c> or <c>marketplace:telemetry_kind</c> wins; otherwise SAR fields mean <c>sar</c>, many
/// bands <c>hyperspectral</c>, any other raster with a GSD <c>optical</c>; and the telemetry kind follows the format
/// (<c>orbit-elements</c> for TLE and OMM, <c>orbit-ephemeris</c> for OEM, <c>space-packets</c>, <c>time-series</c>).
/// The product type is <c>processing:level</c>, else <c>sar:product_type</c>.
/// </summary>
public static class ProductDescriptions
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>A certified product (its item, and its telemetry step's output).</summary>
    public static ProductDescription From(Product product, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(options);
        var item = JsonNode.Parse(product.Item ?? throw new InvalidOperationException("The product has no certified item."))!.AsObject();
        var telemetry = product.Steps.SingleOrDefault(s => s.Name == PipelineSteps.Telemetry) is { State: StepState.Succeeded } step
            && JsonNode.Parse(step.Output) is JsonObject output ? output : [];
        return From(item, telemetry, options.HyperspectralFromBands);
    }

    public static ProductDescription From(JsonObject item, JsonObject telemetryOutput, int hyperspectralFromBands)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(telemetryOutput);
        var properties = item["properties"] as JsonObject ?? [];
        var gsd = Number(properties["gsd"]);
        return new ProductDescription(
            SensorKind(properties, gsd, hyperspectralFromBands),
            gsd,
            Footprint(item["geometry"]),
            Time(properties["datetime"]) ?? Time(properties["start_datetime"]),
            Text(properties["processing:level"]) ?? Text(properties["sar:product_type"]),
            Text(properties["marketplace:telemetry_kind"]) ?? TelemetryKind(telemetryOutput));
    }

    private static string? SensorKind(JsonObject properties, double? gsd, int hyperspectralFromBands)
    {
        if (Text(properties["marketplace:sensor_kind"]) is { } declared)
        {
            return declared;
        }
        if (properties.Any(p => p.Key.StartsWith("sar:", StringComparison.Ordinal)))
        {
            return "sar";
        }
        var bands = (properties["eo:bands"] ?? properties["bands"]) as JsonArray;
        if (bands is not null && bands.Count >= hyperspectralFromBands)
        {
            return "hyperspectral";
        }
        return gsd is null ? null : "optical";
    }

    private static string? TelemetryKind(JsonObject telemetryOutput)
    {
        var formats = (telemetryOutput["assets"] as JsonObject ?? []).Select(a => Text(a.Value?["format"])).ToList();
        return formats.Select(f => f switch
        {
            "Tle" or "OmmKvn" or "OmmXml" => "orbit-elements",
            "OemKvn" or "OemXml" => "orbit-ephemeris",
            "SpacePackets" => "space-packets",
            "Csv" or "Parquet" => "time-series",
            _ => null,
        }).FirstOrDefault(k => k is not null);
    }

    private static Geometry? Footprint(JsonNode? geometry)
    {
        if (geometry is null)
        {
            return null;
        }
        try
        {
            return geometry.Deserialize<Geometry>(GeoJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static DateTimeOffset? Time(JsonNode? node) =>
        Text(node) is { } s && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;
}
