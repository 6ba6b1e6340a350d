namespace Marketplace.Catalog.Validation;

/// <summary>
/// Maps a schema's canonical URL to its local copy in the configured folders: a <see cref="StacSchemaFolder"/> whose
/// base URL prefixes it (longest first), then the <see cref="StacSchemaOptions.Root"/> folder laid out by host and path.
/// Never maps outside a folder.
/// </summary>
internal sealed class StacSchemaLocations
{
    private readonly string? _root;
    private readonly (string BaseUrl, string Folder)[] _folders;

    public StacSchemaLocations(StacSchemaOptions options)
    {
        _root = string.IsNullOrWhiteSpace(options.Root) ? null : FullPath(options.Root);
        _folders = [.. options.Folders
            .Where(f => !string.IsNullOrWhiteSpace(f.BaseUrl) && !string.IsNullOrWhiteSpace(f.Path))
            .Select(f => (f.BaseUrl, FullPath(f.Path)))
            .OrderByDescending(f => f.BaseUrl.Length)];
    }

    /// <summary>A configured path made absolute: relative paths are relative to the application's folder.</summary>
    public static string FullPath(string path) => Path.GetFullPath(path, AppContext.BaseDirectory);

    /// <summary>
    /// The local file of a document URL (without fragment), or null when there is none; <paramref name="lookedFor"/> is
    /// where it was expected first (null when no folder covers the URL).
    /// </summary>
    public string? Find(string documentUrl, out string? lookedFor)
    {
        lookedFor = null;
        if (!Uri.TryCreate(documentUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }
        foreach (var (baseUrl, folder) in _folders)
        {
            if (documentUrl.StartsWith(baseUrl, StringComparison.Ordinal)
                && Inside(folder, Uri.UnescapeDataString(documentUrl[baseUrl.Length..].Split('?', 2)[0])) is { } candidate)
            {
                lookedFor ??= candidate;
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        if (_root is not null && Inside(_root, uri.Host + Uri.UnescapeDataString(uri.AbsolutePath)) is { } path)
        {
            lookedFor ??= path;
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }

    /// <summary>The canonical URL of every JSON file in the configured folders.</summary>
    public IReadOnlyList<string> LocalSchemaUrls()
    {
        var urls = new List<string>();
        if (_root is not null && Directory.Exists(_root))
        {
            urls.AddRange(Directory.EnumerateFiles(_root, "*.json", SearchOption.AllDirectories)
                .Select(f => "https://" + Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/')));
        }
        foreach (var (baseUrl, folder) in _folders.Where(f => Directory.Exists(f.Folder)))
        {
            urls.AddRange(Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                .Select(f => baseUrl + Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/')));
        }
        return [.. urls.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static string? Inside(string folder, string relative)
    {
        var root = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, relative.TrimStart('/')));
        return path.StartsWith(root, StringComparison.Ordinal) && path.Length > root.Length ? path : null;
    }
}
