using System.ComponentModel.DataAnnotations;

namespace Marketplace.Platform.Grading;

/// <summary>
/// The ordered scale of security grades, lowest first. Organizations have a clearance on this scale;
/// products get a grade on it. The highest grade is never released to buyers.
/// </summary>
public sealed class GradingOptions : IValidatableObject
{
    public const string Section = "Grading";

    [Required, MinLength(2)]
    public List<string> Scale { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var effective = new GradeScale(Scale);
        if (effective.Grades.Count != effective.Grades.Distinct(StringComparer.Ordinal).Count())
        {
            yield return new ValidationResult("Grades on the scale must be distinct.", [nameof(Scale)]);
        }
    }
}
