using System.Text.Json.Nodes;

namespace Marketplace.Ingestion.Products;

/// <summary>
/// A product submission: the target collection, a STAC item draft (id and properties; geometry optional, derived
/// from the raster when absent), the assets by key, each naming a completed upload and its roles, and the offers.
/// </summary>
public sealed record SubmitProductRequest(string? Collection, JsonObject? Item, Dictionary<string, SubmittedAsset>? Assets, JsonNode? Offers);

/// <param name="Upload">The id of a completed upload of the caller's organization.</param>
/// <param name="Roles">STAC asset roles: at least one of data, metadata, thumbnail, telemetry, overview.</param>
/// <param name="Type">Media type; the upload's when absent.</param>
/// <param name="Title">A title for the asset.</param>
/// <param name="TimeSeries">For a time series (CSV or Parquet): its timestamp column and the value range of each checked column.</param>
public sealed record SubmittedAsset(Guid? Upload, string[]? Roles, string? Type, string? Title, TimeSeriesDeclaration? TimeSeries = null);

/// <param name="TimestampColumn">The column holding the timestamps; by default one named time or timestamp.</param>
/// <param name="Ranges">Column name → the range every value must lie in.</param>
public sealed record TimeSeriesDeclaration(string? TimestampColumn, Dictionary<string, DeclaredRange>? Ranges);

public sealed record DeclaredRange(double Min, double Max);
