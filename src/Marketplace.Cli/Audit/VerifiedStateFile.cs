using System.Text.Encodings.Web;
using System.Text.Json;
using Marketplace.Cli.Configuration;

namespace Marketplace.Cli.Audit;

/// <summary>
/// Keeps a <see cref="VerifiedState"/> as JSON in a file (by default under <c>$XDG_STATE_HOME/marketplace</c>).
/// Writes go to a temporary file that then replaces the old one, so an interrupted write never leaves half a state.
/// </summary>
internal sealed class VerifiedStateFile(string path)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // base64 '+' stays '+': the file is read by people too
    };

    public string Path { get; } = path;

    /// <summary>The saved state, or null when the file does not exist yet.</summary>
    /// <exception cref="CliConfigurationException">The file exists but is not a valid state.</exception>
    public async Task<VerifiedState?> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path))
        {
            return null;
        }
        try
        {
            await using var stream = File.OpenRead(Path);
            var state = await JsonSerializer.DeserializeAsync<VerifiedState>(stream, JsonSerializerOptions.Web, ct);
            if (state is null || state.TreeSize < 0 || !IsHash(state.RootHash))
            {
                throw new CliConfigurationException(
                    $"The audit state file {Path} does not hold a tree size and a base64 SHA-256 root hash; delete it to start again.");
            }
            return state;
        }
        catch (JsonException e)
        {
            throw new CliConfigurationException($"The audit state file {Path} is not valid JSON ({e.Message}); delete it to start again.", e);
        }
    }

    public async Task SaveAsync(VerifiedState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var full = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(state, Indented) + "\n", ct);
        File.Move(temporary, full, overwrite: true);
    }

    private static bool IsHash(string? base64)
    {
        Span<byte> hash = stackalloc byte[64];
        return base64 is not null && Convert.TryFromBase64String(base64, hash, out var length) && length == 32;
    }
}
