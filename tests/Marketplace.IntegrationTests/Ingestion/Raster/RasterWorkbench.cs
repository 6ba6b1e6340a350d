using System.Diagnostics;
using Marketplace.Ingestion.Raster;
using Marketplace.Platform.Gdal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Marketplace.IntegrationTests.Ingestion.Raster;

/// <summary>
/// A temp folder where a test makes its input rasters (gdal_create, gdal_translate or hand-written bytes), and a
/// sandbox with its own work root and limits, with the raster services built on it.
/// </summary>
public sealed class RasterWorkbench : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("marketplace-raster-");

    public RasterWorkbench(Action<GdalOptions>? gdal = null, Action<RasterCheckOptions>? checks = null)
    {
        GdalOptions = new GdalOptions { WorkDirectory = Path.Combine(_folder.FullName, "work") };
        gdal?.Invoke(GdalOptions);
        CheckOptions = new RasterCheckOptions();
        checks?.Invoke(CheckOptions);
        Sandbox = new GdalSandbox(Options.Create(GdalOptions), NullLogger<GdalSandbox>.Instance);
        Workspace = Sandbox.CreateWorkspace();
        Inspector = new RasterInspector(Sandbox, Options.Create(CheckOptions));
        Checks = new RasterChecks(Options.Create(CheckOptions));
        Conformance = new CogConformance(Sandbox);
        Converter = new CogConverter(Sandbox, Conformance);
        Thumbnails = new ThumbnailMaker(Sandbox, Options.Create(CheckOptions));
    }

    public GdalOptions GdalOptions { get; }

    public RasterCheckOptions CheckOptions { get; }

    public GdalSandbox Sandbox { get; }

    public GdalWorkspace Workspace { get; }

    public RasterInspector Inspector { get; }

    public RasterChecks Checks { get; }

    public CogConformance Conformance { get; }

    public CogConverter Converter { get; }

    public ThumbnailMaker Thumbnails { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs gdal_create into the temp folder and imports the result into the workspace.</summary>
    public async Task<GdalWorkFile> CreateAsync(params string[] arguments)
    {
        var path = NewPath();
        await RunToolAsync("gdal_create", ["-q", "-of", "GTiff", .. arguments, path]);
        return await ImportAsync(path);
    }

    /// <summary>Writes <paramref name="bytes"/> as a TIFF, then runs gdal_translate on it (e.g. to add a CRS or make a COG).</summary>
    public async Task<GdalWorkFile> TranslateAsync(byte[] bytes, params string[] arguments)
    {
        var source = NewPath();
        await File.WriteAllBytesAsync(source, bytes, Ct);
        var target = NewPath();
        await RunToolAsync("gdal_translate", ["-q", .. arguments, source, target]);
        return await ImportAsync(target);
    }

    /// <summary>A north-up 3-band Byte COG in UTM zone 50N with 10 m pixels and varied pixel values.</summary>
    public Task<GdalWorkFile> CogAsync(int width, int height) => CogAtAsync(width, height, "EPSG:32650", 440000, 4420000, 10);

    /// <summary>A north-up 3-band Byte COG with varied pixel values, its upper left corner at (x, y) of <paramref name="crs"/>.</summary>
    public Task<GdalWorkFile> CogAtAsync(int width, int height, string crs, double x, double y, double pixelSize)
    {
        static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return TranslateAsync(TiffBytes.Gradient(width, height, 3), "-of", "COG", "-co", "COMPRESS=DEFLATE", "-a_srs", crs,
            "-a_ullr", Text(x), Text(y), Text(x + (pixelSize * width)), Text(y - (pixelSize * height)));
    }

    public async Task<GdalWorkFile> WriteAsync(byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        return await Workspace.ImportAsync(content, Ct);
    }

    public async Task<GdalWorkFile> ImportAsync(string path)
    {
        await using var content = File.OpenRead(path);
        return await Workspace.ImportAsync(content, Ct);
    }

    public void Dispose()
    {
        Workspace.Dispose();
        _folder.Delete(recursive: true);
    }

    private string NewPath() => Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".tif");

    private static async Task RunToolAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GDAL_PAM_ENABLED"] = "NO";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}{await output}");
    }
}
