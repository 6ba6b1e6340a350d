using System.Collections.Frozen;

namespace Marketplace.Platform.Gdal;

/// <summary>
/// A private folder (mode 0700) for one product's GDAL work. Every file in it has a generated name; untrusted content
/// only enters through <see cref="ImportAsync"/>, so no path, file name or <c>/vsi</c> prefix from a provider ever
/// reaches a GDAL command line. Disposing deletes the folder and everything in it.
/// </summary>
public sealed class GdalWorkspace : IDisposable
{
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly FrozenSet<string> Extensions = FrozenSet.Create(StringComparer.Ordinal, ".tif", ".png");

    internal GdalWorkspace(string root)
    {
        Root = root;
        CreatePrivateFolder(root);
        FolderPath = Path.Combine(root, Guid.NewGuid().ToString("N"));
        CreatePrivateFolder(FolderPath);
    }

    /// <summary>The folder under which the sandbox that created this workspace keeps its work folders.</summary>
    internal string Root { get; }

    public string FolderPath { get; }

    /// <summary>Copies untrusted content into a new file with a generated <c>.tif</c> name.</summary>
    public async Task<GdalWorkFile> ImportAsync(Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = NewFile(".tif");
        var write = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            write.UnixCreateMode = PrivateFile;
        }
        await using var target = new FileStream(file.FullPath, write);
        await content.CopyToAsync(target, ct);
        return file;
    }

    /// <summary>A new, not yet existing file name for a tool's output, e.g. <c>.tif</c> or <c>.png</c>.</summary>
    public GdalWorkFile NewFile(string extension)
    {
        if (!Extensions.Contains(extension))
        {
            throw new ArgumentException($"Work files are .tif or .png, not '{extension}'.", nameof(extension));
        }
        return new GdalWorkFile(this, Guid.NewGuid().ToString("N") + extension);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(FolderPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, PrivateFolder);
        if (new DirectoryInfo(path).LinkTarget is not null)
        {
            throw new IOException($"The GDAL work folder '{path}' is a symbolic link; refusing to use it.");
        }
        File.SetUnixFileMode(path, PrivateFolder);
    }
}
