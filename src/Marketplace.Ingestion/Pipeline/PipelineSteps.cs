namespace Marketplace.Ingestion.Pipeline;

/// <summary>The names of the pipeline's steps, in the order they run.</summary>
public static class PipelineSteps
{
    public const string Integrity = "integrity";
    public const string Format = "format";
    public const string Raster = "raster";
    public const string Cog = "cog";
    public const string Thumbnail = "thumbnail";
    public const string Telemetry = "telemetry";
    public const string Metadata = "metadata";
    public const string Certification = "certification";
    public const string Classification = "classification";
    public const string Publication = "publication";

    /// <summary>Checks whose errors reject the product; certification then records them in a signed report.</summary>
    public static readonly IReadOnlyList<string> Checks = [Integrity, Format, Raster, Cog, Thumbnail, Telemetry, Metadata];

    public static readonly IReadOnlyList<string> All = [.. Checks, Certification, Classification, Publication];

    public static string? After(string step)
    {
        var index = All.ToList().IndexOf(step);
        return index >= 0 && index < All.Count - 1 ? All[index + 1] : null;
    }
}
