using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Telemetry.Tle;

/// <summary>Thresholds of <see cref="TleCheck"/> (section <c>Ingestion:Telemetry:Tle</c>).</summary>
public sealed class TleCheckOptions
{
    public const string Section = "Ingestion:Telemetry:Tle";

    /// <summary>Findings listed per code before the rest are summarised in one finding.</summary>
    [Range(1, 10_000)]
    public int MaxFindingsPerCode { get; set; } = FindingCollector.DefaultMaxPerCode;

    /// <summary>An epoch older than this (relative to the clock's now) is a warning; <c>null</c> turns the check off.</summary>
    public TimeSpan? MaxEpochAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How far past the clock's now an epoch may lie before it is a warning.</summary>
    public TimeSpan FutureEpochTolerance { get; set; } = TimeSpan.Zero;

    /// <summary>Lowest plausible mean motion, revolutions per day (0.01: a period of 100 days, past the Moon).</summary>
    [Range(0.0, 20.0)]
    public double MinMeanMotion { get; set; } = 0.01;

    /// <summary>Highest plausible mean motion, revolutions per day (an orbit at the Earth's surface makes about 17.06).</summary>
    [Range(0.0, 20.0)]
    public double MaxMeanMotion { get; set; } = 17.0;

    /// <summary>Highest plausible eccentricity; SGP4 needs the orbit to be elliptic.</summary>
    [Range(0.0, 1.0)]
    public double MaxEccentricity { get; set; } = 0.99;

    /// <summary>Longest line read; longer lines are cut and reported, so memory stays bounded.</summary>
    [Range(80, 1024 * 1024)]
    public int MaxLineLength { get; set; } = 1024;
}
