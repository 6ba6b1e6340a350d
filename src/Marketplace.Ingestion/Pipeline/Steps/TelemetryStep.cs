using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Formats;
using Marketplace.Ingestion.Products;
using Marketplace.Ingestion.Telemetry;
using Marketplace.Ingestion.Telemetry.OrbitData;
using Marketplace.Ingestion.Telemetry.SpacePackets;
using Marketplace.Ingestion.Telemetry.TimeSeries;
using Marketplace.Ingestion.Telemetry.Tle;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>
/// Telemetry: every telemetry asset read end to end by the check for its detected format: CCSDS space packets,
/// two-line element sets, CCSDS OMM or OEM (KVN or XML), or a time series (CSV or Parquet) against the ranges the
/// provider declared. Findings give packet, line or row positions.
/// </summary>
public sealed class TelemetryStep(
    SpacePacketCheck packets, TleCheck tle, OmmCheck omm, OemCheck oem, CsvTimeSeriesCheck csv, ParquetTimeSeriesCheck parquet) : IPipelineStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => PipelineSteps.Telemetry;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<Finding>();
        var assets = new JsonObject();
        foreach (var asset in context.Product.Assets.Where(a => a.UploadId is not null && a.Roles.Contains("telemetry")))
        {
            await using var content = await context.Files.OpenReadAsync(asset, ct);
            var format = Enum.TryParse<DetectedFormat>(asset.DetectedFormat, out var detected) ? detected : DetectedFormat.Unknown;
            (IReadOnlyList<Finding> Found, object? Summary) result = format switch
            {
                DetectedFormat.SpacePackets => Unpack(await packets.CheckAsync(content, ct)),
                DetectedFormat.Tle => Unpack(await tle.CheckAsync(content, ct)),
                DetectedFormat.OmmKvn => Unpack(await omm.CheckAsync(content, OrbitDataEncoding.Kvn, ct)),
                DetectedFormat.OmmXml => Unpack(await omm.CheckAsync(content, OrbitDataEncoding.Xml, ct)),
                DetectedFormat.OemKvn => Unpack(await oem.CheckAsync(content, OrbitDataEncoding.Kvn, ct)),
                DetectedFormat.OemXml => Unpack(await oem.CheckAsync(content, OrbitDataEncoding.Xml, ct)),
                DetectedFormat.Csv => Unpack(await csv.CheckAsync(content, Expectations(asset), ct)),
                DetectedFormat.Parquet => Unpack(await parquet.CheckAsync(content, Expectations(asset), ct)),
                _ => ([Finding.Error("telemetry.unsupported", $"A telemetry asset must be CCSDS space packets, TLE, OMM, OEM, CSV or Parquet; this one is {format}.")], null),
            };
            findings.AddRange(result.Found.Select(f => f.InAsset(asset.Key)));
            assets[asset.Key] = new JsonObject
            {
                ["format"] = format.ToString(),
                ["declared"] = asset.TimeSeries is { } declared ? JsonNode.Parse(declared) : null,
                ["summary"] = result.Summary is null ? null : JsonSerializer.SerializeToNode(result.Summary, result.Summary.GetType(), Json),
            };
        }
        return StepResult.Of(findings, new JsonObject { ["assets"] = assets });
    }

    private static (IReadOnlyList<Finding>, object?) Unpack<T>(TelemetryCheckResult<T> result) where T : notnull => (result.Findings, result.Summary);

    private static TimeSeriesExpectations Expectations(ProductAsset asset)
    {
        if (asset.TimeSeries is null || JsonSerializer.Deserialize<TimeSeriesDeclaration>(asset.TimeSeries, Json) is not { } declared)
        {
            return TimeSeriesExpectations.None;
        }
        return new TimeSeriesExpectations
        {
            TimestampColumn = declared.TimestampColumn,
            ValueRanges = declared.Ranges?.ToDictionary(r => r.Key, r => new ValueRange(r.Value.Min, r.Value.Max)) ?? [],
        };
    }
}
