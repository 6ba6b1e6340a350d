namespace Marketplace.Platform.Grading;

/// <summary>
/// An ordered scale of grades (by default public &lt; restricted &lt; sensitive &lt; controlled, after the
/// general / important / core data tiers of GB/T 43697-2024). Immutable.
/// </summary>
public sealed class GradeScale
{
    public static readonly IReadOnlyList<string> Default = ["public", "restricted", "sensitive", "controlled"];

    public GradeScale(IReadOnlyList<string>? grades)
    {
        Grades = grades is { Count: > 0 } ? [.. grades] : [.. Default];
    }

    public IReadOnlyList<string> Grades { get; }

    /// <summary>The lowest grade: what anonymous callers may see.</summary>
    public string Lowest => Grades[0];

    /// <summary>The highest grade: never offered to buyers.</summary>
    public string Highest => Grades[^1];

    public bool Contains(string grade) => Grades.Contains(grade, StringComparer.Ordinal);

    /// <summary>Position of a grade on the scale, or -1 when it is not on it.</summary>
    public int Rank(string grade) => Grades.ToList().IndexOf(grade);

    /// <summary>True when data of <paramref name="grade"/> may be shown to a holder of <paramref name="clearance"/>.</summary>
    public bool Permits(string clearance, string grade)
    {
        var c = Rank(clearance);
        var g = Rank(grade);
        return c >= 0 && g >= 0 && g <= c && g < Grades.Count - 1;
    }

    /// <summary>Clearances an organization may hold: every grade but the highest.</summary>
    public IReadOnlyList<string> AssignableClearances => Grades.Take(Grades.Count - 1).ToList();
}
