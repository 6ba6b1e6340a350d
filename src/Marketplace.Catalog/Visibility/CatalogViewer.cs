using Marketplace.Platform.Grading;

namespace Marketplace.Catalog.Visibility;

/// <summary>
/// What a caller may see in the catalog: published items whose grade is one of <see cref="Grades"/>. The restriction
/// is added to every query (never applied after it), so counts, pages and extents reveal nothing hidden.
/// </summary>
public sealed record CatalogViewer(IReadOnlyList<string> Grades)
{
    /// <summary>The grades a holder of <paramref name="clearance"/> may see; anonymous callers (null) see the lowest grade only.</summary>
    public static CatalogViewer For(string? clearance, GradeScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return clearance is null
            ? new CatalogViewer([scale.Lowest])
            : new CatalogViewer(scale.Grades.Where(g => scale.Permits(clearance, g)).ToList());
    }
}
