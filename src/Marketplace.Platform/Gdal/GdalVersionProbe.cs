using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Marketplace.Platform.Gdal;

/// <summary>Asks the installed GDAL for its version, in a subprocess with a time limit.</summary>
public sealed class GdalVersionProbe(IOptions<GdalOptions> options)
{
    /// <summary>The first line of <c>gdalinfo --version</c>, e.g. "GDAL 3.6.2, released 2023/01/02".</summary>
    public async Task<string> GetVersionAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var start = new ProcessStartInfo(options.Value.Tool("gdalinfo"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--version");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("gdalinfo did not start.");
        try
        {
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"gdalinfo --version exited with {process.ExitCode}.");
            }
            return output.Trim();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
