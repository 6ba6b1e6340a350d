using Marketplace.Platform.Grading;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// A declarative, versioned classification policy (schema <c>catalog-schemas/classification-policy/v1.0.0</c>).
/// Every rule only raises the grade: the result is the highest grade of <see cref="DefaultGrade"/> and every rule that fired.
/// </summary>
/// <param name="Version">Recorded with every grade the policy gives.</param>
/// <param name="Scale">Grades, lowest first; null: the default scale.</param>
/// <param name="DefaultGrade">The grade of a product no rule raises.</param>
/// <param name="ReviewFrom">Grades from this one upwards wait for a reviewer.</param>
/// <param name="Rules">The rules, by kind.</param>
/// <param name="FourEyesFrom">Grades from this one upwards need two different reviewers' approval; null: one decides.</param>
/// <param name="Derivatives">Grades for which releasable derivatives of higher-graded products are made; null: none.</param>
public sealed record ClassificationPolicy(
    string Version,
    IReadOnlyList<string>? Scale,
    string DefaultGrade,
    string ReviewFrom,
    PolicyRules? Rules,
    string? FourEyesFrom = null,
    DerivativeSettings? Derivatives = null);

/// <summary>
/// The grades releasable derivatives are made for (each strictly below the source's grade), and the grades of the
/// products they are made from (null: every grade).
/// </summary>
public sealed record DerivativeSettings(IReadOnlyList<string> ReleaseGrades, IReadOnlyList<string>? SourceGrades = null)
{
    /// <summary>The grades to make derivatives of a product of <paramref name="grade"/> for, lowest first.</summary>
    public IReadOnlyList<string> TargetsFor(string grade, GradeScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return SourceGrades is { } sources && !sources.Contains(grade)
            ? []
            : [.. ReleaseGrades.Where(g => scale.Rank(g) >= 0 && scale.Rank(g) < scale.Rank(grade)).OrderBy(scale.Rank)];
    }
}
