namespace Marketplace.Platform.Gdal;

/// <summary>Turns a program name into an absolute path by searching the server's PATH, as a shell would.</summary>
internal static class ExecutableLookup
{
    public static string? Find(string nameOrPath)
    {
        if (nameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, nameOrPath);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        return null;
    }
}
