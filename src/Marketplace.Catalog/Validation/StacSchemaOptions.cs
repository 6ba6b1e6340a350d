using System.ComponentModel.DataAnnotations;

namespace Marketplace.Catalog.Validation;

/// <summary>
/// Where the STAC JSON Schemas that documents are validated against come from (section <c>StacSchemas</c>): local
/// folders laid out by canonical URL, and the network only when <see cref="AllowFetch"/> is set.
/// </summary>
/// <remarks>
/// Validation is off until <see cref="Enabled"/> is set; every configuration the repository ships sets it (the image,
/// compose, Kubernetes, the local stack's settings), and a host started with nothing configured (a test host, a tool)
/// keeps working unchanged. Once on, it must have schemas: with no folder configured and fetching not allowed, or,
/// without fetching, with the STAC 1.1 core schemas in no configured folder, start-up fails with a message saying
/// what to set. An extension schema that cannot be had makes the documents declaring it invalid, never silently valid.
/// </remarks>
public sealed class StacSchemaOptions : IValidatableObject
{
    public const string Section = "StacSchemas";

    /// <summary>The URL prefixes fetched when <see cref="FetchablePrefixes"/> is empty: the hosts of the STAC schemas.</summary>
    public static readonly IReadOnlyList<string> DefaultFetchablePrefixes =
    [
        "https://schemas.stacspec.org/",
        "https://stac-extensions.github.io/",
        "https://geojson.org/schema/",
        "https://proj.org/schemas/",
    ];

    /// <summary>Validate collections and items against their schemas where they enter the catalog (off by default).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// A folder laid out by canonical URL: <c>https://host/path</c> is the file <c>Root/host/path</c> (the layout of
    /// the shared <c>stac-schemas</c> folder). Relative to the application's folder when not absolute.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>Folders for URL prefixes; the longest matching prefix wins, before <see cref="Root"/>.</summary>
    public List<StacSchemaFolder> Folders { get; set; } = [];

    /// <summary>Fetch schemas that no folder holds over HTTP (and keep them in memory). Off by default.</summary>
    public bool AllowFetch { get; set; }

    /// <summary>
    /// The only URL prefixes fetched, so documents cannot make the server request arbitrary URLs; empty means
    /// <see cref="DefaultFetchablePrefixes"/>.
    /// </summary>
    public List<string> FetchablePrefixes { get; set; } = [];

    /// <summary>Time limit of one schema fetch.</summary>
    [Range(1, 300)]
    public int FetchTimeoutSeconds { get; set; } = 10;

    public IReadOnlyList<string> EffectiveFetchablePrefixes => FetchablePrefixes.Count > 0 ? FetchablePrefixes : DefaultFetchablePrefixes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Root) && !Directory.Exists(StacSchemaLocations.FullPath(Root)))
        {
            yield return new ValidationResult(
                $"StacSchemas:Root '{Root}' is not a folder (resolved to '{StacSchemaLocations.FullPath(Root)}').", [nameof(Root)]);
        }
        for (var i = 0; i < Folders.Count; i++)
        {
            var folder = Folders[i];
            if (!Uri.TryCreate(folder.BaseUrl, UriKind.Absolute, out var baseUrl)
                || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp) || !folder.BaseUrl.EndsWith('/'))
            {
                yield return new ValidationResult(
                    $"StacSchemas:Folders:{i}:BaseUrl '{folder.BaseUrl}' must be an absolute http(s) URL ending with '/'.", [nameof(Folders)]);
            }
            if (string.IsNullOrWhiteSpace(folder.Path) || !Directory.Exists(StacSchemaLocations.FullPath(folder.Path)))
            {
                yield return new ValidationResult(
                    $"StacSchemas:Folders:{i}:Path '{folder.Path}' is not a folder.", [nameof(Folders)]);
            }
        }
        foreach (var prefix in FetchablePrefixes.Where(p => !Uri.TryCreate(p, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"StacSchemas:FetchablePrefixes entry '{prefix}' is not an absolute http(s) URL.", [nameof(FetchablePrefixes)]);
        }
        if (!Enabled || AllowFetch)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(Root) && Folders.Count == 0)
        {
            yield return new ValidationResult(
                "STAC schema validation is on (StacSchemas:Enabled) but has no schemas: set StacSchemas:Root to a folder laid out by " +
                "canonical URL (host/path, like the shared stac-schemas folder) and/or StacSchemas:Folders (BaseUrl + Path), or allow " +
                "fetching them with StacSchemas:AllowFetch=true, or switch validation off with StacSchemas:Enabled=false.",
                [nameof(Root), nameof(Folders), nameof(AllowFetch), nameof(Enabled)]);
            yield break;
        }
        var locations = new StacSchemaLocations(this);
        foreach (var core in StacSchemaValidator.CoreSchemas)
        {
            if (locations.Find(core, out var lookedFor) is null)
            {
                yield return new ValidationResult(
                    $"The STAC core schema {core} is in no configured folder (looked for '{lookedFor ?? "nothing: no folder covers its URL"}') " +
                    "and StacSchemas:AllowFetch is false: point StacSchemas:Root at a copy laid out by canonical URL, or allow fetching.",
                    [nameof(Root), nameof(Folders)]);
            }
        }
    }
}
