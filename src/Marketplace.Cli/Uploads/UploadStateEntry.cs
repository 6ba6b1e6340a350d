namespace Marketplace.Cli.Uploads;

/// <summary>
/// One upload that may be resumed: which server and client opened it, the local file it carries (full path, size,
/// last write time, SHA-256), its id, the media type declared, and when the server lets it expire.
/// </summary>
internal sealed record UploadStateEntry(
    string Server,
    string Client,
    string Path,
    long Size,
    DateTimeOffset LastWriteTime,
    string Sha256,
    Guid UploadId,
    string MediaType,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Is this the upload of <paramref name="file"/> opened on <paramref name="server"/> by <paramref name="client"/>, the file unchanged since?</summary>
    public bool IsFor(string server, string client, FileFingerprint file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Server == server && Client == client && Path == file.Path && Size == file.Size
            && LastWriteTime.UtcTicks == file.LastWriteTime.UtcTicks;
    }
}
