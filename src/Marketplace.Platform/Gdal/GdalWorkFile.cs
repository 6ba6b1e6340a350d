using System.Text.RegularExpressions;

namespace Marketplace.Platform.Gdal;

/// <summary>A file with a generated name inside a <see cref="GdalWorkspace"/>: the only kind of path a GDAL tool is given.</summary>
public sealed partial class GdalWorkFile
{
    internal GdalWorkFile(GdalWorkspace workspace, string name)
    {
        if (!GeneratedName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a generated work file name.", nameof(name));
        }
        Workspace = workspace;
        Name = name;
    }

    public GdalWorkspace Workspace { get; }

    /// <summary>The generated name, e.g. <c>3f2a…c1.tif</c>; safe to show in messages.</summary>
    public string Name { get; }

    public string FullPath => Path.Combine(Workspace.FolderPath, Name);

    public override string ToString() => Name;

    [GeneratedRegex("^[0-9a-f]{32}\\.(tif|png)$", RegexOptions.CultureInvariant)]
    internal static partial Regex GeneratedName();
}
