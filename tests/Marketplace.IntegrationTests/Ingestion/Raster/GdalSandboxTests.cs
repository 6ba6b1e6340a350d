using System.Diagnostics;
using System.Text;
using Marketplace.Platform.Gdal;

namespace Marketplace.IntegrationTests.Ingestion.Raster;

public sealed class GdalSandboxTests(SlowRaster slowRaster) : IClassFixture<SlowRaster>, IDisposable
{
    private readonly RasterWorkbench _bench = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _bench.Dispose();

    private async Task<GdalWorkFile> SlowRasterAsync(RasterWorkbench bench) => await bench.ImportAsync(await slowRaster.PathAsync());

    [Fact]
    public async Task RunAsync_ParentEnvironment_IsNotInheritedAndTheNetworkIsSeparate()
    {
        const string Secret = "MARKETPLACE_TEST_FAKE_SECRET";
        var value = Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(Secret, value);
        var file = await SlowRasterAsync(_bench);

        var run = _bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, ["-json", "-stats"], file), Ct);
        var child = await FindChildAsync(file, run, tool: "gdalinfo");
        var result = await run;

        Assert.True(result.Succeeded, result.Stderr);
        Assert.NotNull(child);
        Assert.Contains("GDAL_PAM_ENABLED=NO", child.Environment);
        Assert.Contains("GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR", child.Environment);
        Assert.DoesNotContain(child.Environment, v => v.Contains(value, StringComparison.Ordinal) || v.StartsWith(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(child.Environment, v => v.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || v.StartsWith("PATH=", StringComparison.Ordinal));
        Assert.True(result.NetworkIsolated);
        Assert.NotEqual(File.ResolveLinkTarget("/proc/self/ns/net", false)?.ToString(), child.NetworkNamespace);
        Assert.False(File.Exists(file.FullPath + ".aux.xml"));
    }

    [Fact]
    public async Task RunAsync_TimeoutPasses_KillsTheProcessAndReportsTimedOut()
    {
        using var bench = new RasterWorkbench(gdal: o => o.TimeoutSeconds = 0.15);
        var file = await SlowRasterAsync(bench);

        var result = await bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, ["-json", "-stats"], file), Ct);

        Assert.Equal(GdalTermination.TimedOut, result.Termination);
        Assert.False(result.Succeeded);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(0.15), TimeSpan.FromSeconds(5));
        Assert.Empty(ProcessesOn(file));
    }

    [Fact]
    public async Task RunAsync_CallerCancels_KillsTheProcessAndThrows()
    {
        var file = await SlowRasterAsync(_bench);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, ["-json", "-stats"], file), cancel.Token));

        Assert.Empty(ProcessesOn(file));
    }

    [Fact]
    public async Task RunAsync_TinyMemoryLimit_ReportsMemoryLimitExceeded()
    {
        using var bench = new RasterWorkbench(gdal: o => o.MemoryLimitMegabytes = 64);
        var file = await bench.CogAsync(64, 64);

        var result = await bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, ["-json"], file), Ct);

        Assert.Equal(GdalTermination.MemoryLimitExceeded, result.Termination);
        Assert.Contains("failed to map segment", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AllocationAboveTheLimit_ReportsMemoryLimitExceeded()
    {
        // Enough to load GDAL, not enough for the strip-offset arrays of a 1,000,000-row COG.
        using var bench = new RasterWorkbench(gdal: o => o.MemoryLimitMegabytes = 300);
        var flood = await bench.WriteAsync(TiffBytes.PixelFlood(1_000_000, 1_000_000, 4));
        var output = bench.Workspace.NewFile(".tif");

        var result = await bench.Sandbox.RunAsync(
            new GdalCommand(GdalTool.GdalTranslate, ["-q", "-of", "COG", "-co", "COMPRESS=DEFLATE"], flood, output), Ct);

        Assert.Equal(GdalTermination.MemoryLimitExceeded, result.Termination);
    }

    [Fact]
    public async Task RunAsync_NotATiff_IsRefusedWithoutRunningGdal()
    {
        var file = await _bench.WriteAsync(Encoding.ASCII.GetBytes("<VRTDataset rasterXSize=\"1\" rasterYSize=\"1\"></VRTDataset>"));

        var result = await _bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, ["-json"], file), Ct);

        Assert.Equal(GdalTermination.Refused, result.Termination);
        Assert.Null(result.ExitCode);
        Assert.Contains("TIFF", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/vsicurl/http://169.254.169.254/latest/meta-data")]
    [InlineData("--config")]
    [InlineData("@options.txt")]
    [InlineData("-if")]
    public async Task RunAsync_ArgumentOutsideTheVocabulary_Throws(string argument)
    {
        var file = await _bench.CogAsync(16, 16);

        await Assert.ThrowsAsync<ArgumentException>(
            () => _bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, ["-json", argument], file), Ct));
    }

    [Fact]
    public async Task RunAsync_WorkFileOfAnotherSandbox_Throws()
    {
        using var other = new RasterWorkbench();
        var foreign = await other.CogAsync(16, 16);

        await Assert.ThrowsAsync<ArgumentException>(
            () => _bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, ["-json"], foreign), Ct));
    }

    [Fact]
    public async Task RunAsync_OutputLargerThanTheCap_IsTruncated()
    {
        using var bench = new RasterWorkbench(gdal: o => o.MaxStdoutKilobytes = 1);
        var file = await bench.CogAsync(16, 16);

        var result = await bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalInfo, ["-json"], file), Ct);

        Assert.True(result.Succeeded);
        Assert.True(result.StdoutTruncated);
        Assert.InRange(result.Stdout.Length, 1, 1024);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void CreateWorkspace_MakesAPrivateFolder()
    {
        using var workspace = _bench.Sandbox.CreateWorkspace();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(workspace.FolderPath));
        Assert.Throws<ArgumentException>(() => workspace.NewFile(".vrt"));
    }

    private sealed record ChildProcess(IReadOnlyList<string> Environment, string? NetworkNamespace);

    /// <summary>Watches /proc while the run lasts for the tool's process working on <paramref name="file"/>.</summary>
    private static async Task<ChildProcess?> FindChildAsync(GdalWorkFile file, Task run, string tool)
    {
        while (!run.IsCompleted)
        {
            foreach (var pid in ProcessesOn(file))
            {
                try
                {
                    var commandLine = (await File.ReadAllTextAsync($"/proc/{pid}/cmdline", Ct)).Split('\0');
                    if (!commandLine[0].EndsWith("/" + tool, StringComparison.Ordinal))
                    {
                        continue; // still unshare or prlimit, before the last exec
                    }
                    var environment = (await File.ReadAllTextAsync($"/proc/{pid}/environ", Ct)).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                    return new ChildProcess(environment, File.ResolveLinkTarget($"/proc/{pid}/ns/net", false)?.ToString());
                }
                catch (IOException)
                {
                    // It exited while we looked.
                }
            }
            await Task.Delay(5, Ct);
        }
        return null;
    }

    private static List<int> ProcessesOn(GdalWorkFile file)
    {
        List<int> found = [];
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(file.Name, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}
