using System.Text;

namespace Marketplace.Platform.Gdal;

/// <summary>Reads a child's output stream to its end, keeping at most a fixed number of characters.</summary>
internal sealed record CapturedText(string Text, bool Truncated)
{
    public static async Task<CapturedText> ReadAsync(StreamReader reader, int maxChars, CancellationToken ct)
    {
        var kept = new StringBuilder(Math.Min(maxChars, 64 * 1024));
        var buffer = new char[16 * 1024];
        var truncated = false;
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
            {
                var room = maxChars - kept.Length;
                if (read > room)
                {
                    truncated = true;
                }
                if (room > 0)
                {
                    kept.Append(buffer, 0, Math.Min(room, read));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The process is gone but something still holds the pipe: keep what arrived.
            truncated = true;
        }
        catch (IOException)
        {
            truncated = true;
        }
        return new CapturedText(kept.ToString(), truncated);
    }
}
