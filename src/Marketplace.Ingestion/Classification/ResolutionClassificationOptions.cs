using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Classification;

/// <summary>
/// Grades by ground sample distance: products finer than a threshold get at least that threshold's grade; grades
/// from <see cref="ReviewFrom"/> upwards wait for a reviewer.
/// </summary>
public sealed class ResolutionClassificationOptions
{
    public const string Section = "Classification";

    /// <summary>Thresholds in metres: finer than (strictly below) <c>BelowMetres</c> means at least <c>Grade</c>.</summary>
    public List<ResolutionThreshold> Thresholds { get; set; } =
    [
        new() { BelowMetres = 2.5, Grade = "restricted" },
        new() { BelowMetres = 0.5, Grade = "sensitive" },
    ];

    [Required]
    public string ReviewFrom { get; set; } = "sensitive";

    [Required]
    public string PolicyVersion { get; set; } = "resolution-1";
}

public sealed class ResolutionThreshold
{
    [Range(0.0001, 100000)]
    public double BelowMetres { get; set; }

    [Required]
    public string Grade { get; set; } = "";
}
