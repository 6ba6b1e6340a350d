using System.Text.Encodings.Web;
using System.Text.Json;
using Marketplace.Cli.Configuration;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// The resume state of uploads, a small JSON file (by default <c>$XDG_STATE_HOME/marketplace/uploads.json</c>): for
/// each upload opened and not yet taken by a product, the local file it carries and its id. An upload is saved as
/// soon as the server opens it and removed once a product took it, or when the server no longer has it open. Each
/// change reads, changes and rewrites the file while holding a lock file beside it (so uploads running in parallel,
/// even in other processes, do not lose each other's entries), and writes a temporary file that then replaces the
/// old one: an interruption never leaves half a state. Entries past their expiry are dropped on the way.
/// </summary>
internal sealed class UploadStateFile(string path, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // paths stay readable: the file is read by people too
    };

    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public string Path { get; } = path;

    /// <summary>Every entry, as saved (an empty state when there is no file yet).</summary>
    /// <exception cref="CliConfigurationException">The file exists but is not a valid state.</exception>
    public async Task<UploadState> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path))
        {
            return UploadState.Empty;
        }
        try
        {
            await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 4096, useAsync: true);
            var state = await JsonSerializer.DeserializeAsync<UploadState>(stream, JsonSerializerOptions.Web, ct);
            if (state is null || state.Version != UploadState.CurrentVersion || state.Uploads is null || state.Uploads.Any(u => u is null))
            {
                throw new CliConfigurationException(
                    $"The upload state file {Path} is not a version {UploadState.CurrentVersion} state; delete it (uploads then start again).");
            }
            return state;
        }
        catch (JsonException e)
        {
            throw new CliConfigurationException($"The upload state file {Path} is not valid JSON ({e.Message}); delete it (uploads then start again).", e);
        }
    }

    /// <summary>The saved upload of <paramref name="file"/> on this server for this client, unless the file changed since or it expired.</summary>
    public async Task<UploadStateEntry?> FindAsync(string server, string client, FileFingerprint file, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await LoadAsync(ct)).Uploads.LastOrDefault(u => u.IsFor(server, client, file) && u.ExpiresAt > now);
    }

    /// <summary>Saves <paramref name="entry"/> in place of any other entry for the same server, client and path.</summary>
    public Task SaveAsync(UploadStateEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ChangeAsync(uploads => [.. uploads.Where(u => !(u.Server == entry.Server && u.Client == entry.Client && u.Path == entry.Path)), entry], ct);
    }

    /// <summary>Forgets the uploads with these ids (a product took them, or the server no longer has them open).</summary>
    public Task RemoveAsync(IReadOnlyCollection<Guid> uploadIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uploadIds);
        return ChangeAsync(uploads => [.. uploads.Where(u => !uploadIds.Contains(u.UploadId))], ct);
    }

    private async Task ChangeAsync(Func<IReadOnlyList<UploadStateEntry>, IReadOnlyList<UploadStateEntry>> change, CancellationToken ct)
    {
        var full = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        await using var held = await LockAsync(full + ".lock", ct);
        var now = clock.GetUtcNow();
        var current = await LoadAsync(ct);
        var changed = change([.. current.Uploads.Where(u => u.ExpiresAt > now)]);
        var temporary = full + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new UploadState(UploadState.CurrentVersion, changed), Indented) + "\n", ct);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Opens the lock file for this process alone, waiting while another holder has it.</summary>
    private async Task<FileStream> LockAsync(string lockPath, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(LockRetry, clock, ct);
            }
        }
    }
}
