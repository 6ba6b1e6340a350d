namespace Marketplace.Platform.Problems;

/// <summary>
/// One kind of error the API reports as RFC 9457 problem details. The <see cref="Slug"/> is stable:
/// clients may branch on the <c>type</c> URI built from it (<c>/problems/{slug}</c>), which also serves this description.
/// </summary>
public sealed record ProblemType(string Slug, int Status, string Title, string Description)
{
    /// <summary>The <c>type</c> member of the problem document: a URI reference resolved against the API's base URI.</summary>
    public string Uri => "/problems/" + Slug;
}
