namespace Marketplace.Cli.Uploads;

/// <summary>What identifies a local file cheaply: its full path, size and last write time (UTC), the way rsync decides a file is unchanged.</summary>
internal sealed record FileFingerprint(string Path, long Size, DateTimeOffset LastWriteTime)
{
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static FileFingerprint Of(string path)
    {
        var file = new FileInfo(System.IO.Path.GetFullPath(path));
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The file {path} does not exist.", path);
        }
        return new FileFingerprint(file.FullName, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
    }
}
