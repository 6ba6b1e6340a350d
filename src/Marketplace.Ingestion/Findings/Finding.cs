namespace Marketplace.Ingestion.Findings;

/// <summary>
/// One result of a certification check: a stable code (e.g. <c>raster.crs-missing</c>), its severity, a message a
/// provider can act on, and where in the product it was found (an asset key, a byte offset, a line, a packet index).
/// </summary>
public sealed record Finding(string Code, FindingSeverity Severity, string Message, string? Location = null)
{
    public static Finding Error(string code, string message, string? location = null) =>
        new(code, FindingSeverity.Error, message, location);

    public static Finding Warning(string code, string message, string? location = null) =>
        new(code, FindingSeverity.Warning, message, location);

    public static Finding Info(string code, string message, string? location = null) =>
        new(code, FindingSeverity.Info, message, location);

    /// <summary>The same finding placed in a product's asset: <c>assets.{key}</c>, followed by its own location in the file.</summary>
    public Finding InAsset(string key) => this with { Location = $"assets.{key}" + (Location is { } at ? $" ({at})" : "") };
}
