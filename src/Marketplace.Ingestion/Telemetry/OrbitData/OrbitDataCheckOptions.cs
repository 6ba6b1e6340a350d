using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Telemetry.OrbitData;

/// <summary>Thresholds of <see cref="OmmCheck"/> and <see cref="OemCheck"/> (section <c>Ingestion:Telemetry:OrbitData</c>).</summary>
public sealed class OrbitDataCheckOptions
{
    public const string Section = "Ingestion:Telemetry:OrbitData";

    /// <summary>Findings listed per code before the rest are summarised in one finding.</summary>
    [Range(1, 10_000)]
    public int MaxFindingsPerCode { get; set; } = FindingCollector.DefaultMaxPerCode;

    /// <summary>Used when <see cref="SupportedVersions"/> is not set: 2.0 (CCSDS 502.0-B-2) and 3.0 (502.0-B-3).</summary>
    public static IReadOnlyList<string> DefaultSupportedVersions { get; } = ["2.0", "3.0"];

    /// <summary>
    /// Message versions accepted without a warning; empty means <see cref="DefaultSupportedVersions"/> (a default
    /// list here would be appended to, not replaced, by configuration).
    /// </summary>
    public IList<string> SupportedVersions { get; set; } = [];

    internal IReadOnlyList<string> EffectiveSupportedVersions =>
        SupportedVersions.Count > 0 ? [.. SupportedVersions] : DefaultSupportedVersions;

    /// <summary>Longest KVN line or XML element value read; longer ones are cut and reported, so memory stays bounded.</summary>
    [Range(80, 1024 * 1024)]
    public int MaxValueLength { get; set; } = 4096;

    /// <summary>Deepest XML element nesting accepted (NDM/XML needs about 6).</summary>
    [Range(8, 256)]
    public int MaxXmlDepth { get; set; } = 32;
}
