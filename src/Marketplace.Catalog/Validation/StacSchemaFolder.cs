namespace Marketplace.Catalog.Validation;

/// <summary>
/// A local folder that answers every schema URL starting with <see cref="BaseUrl"/>: the rest of the URL is the file's
/// path under <see cref="Path"/>. E.g. <c>https://satellite-marketplace.example/stac/</c> → the repository's
/// <c>catalog-schemas</c> folder, where <c>marketplace/v1.0.0/schema.json</c> is the marketplace extension.
/// </summary>
public sealed class StacSchemaFolder
{
    /// <summary>Absolute http(s) URL prefix, ending with '/'.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The folder; a relative path is relative to the application's folder.</summary>
    public string Path { get; set; } = "";
}
