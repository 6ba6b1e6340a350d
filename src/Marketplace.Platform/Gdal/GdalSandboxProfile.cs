using System.Collections.Frozen;

namespace Marketplace.Platform.Gdal;

/// <summary>
/// What this host offers the sandbox, found once by running <c>gdalinfo --formats</c> the way every later run goes:
/// the programs' absolute paths, whether an empty network namespace can be created, and the raster drivers GDAL has
/// (every one but the allowed ones goes into <c>GDAL_SKIP</c>).
/// </summary>
internal sealed record GdalSandboxProfile(
    IReadOnlyList<string> IsolationPrefix,
    string Prlimit,
    FrozenDictionary<GdalTool, IReadOnlyList<string>> Programs,
    IReadOnlyList<string> RasterDrivers,
    string? Failure,
    string? IsolationProblem)
{
    public const string CogValidatorModule = "osgeo_utils.samples.validate_cloud_optimized_geotiff";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);
    private const long ProbeMemoryBytes = 1024L * 1024 * 1024;

    public bool NetworkIsolated => IsolationPrefix.Count > 0;

    public static GdalSandboxProfile Failed(string reason) =>
        new([], "", FrozenDictionary<GdalTool, IReadOnlyList<string>>.Empty, [], reason, null);

    public static async Task<GdalSandboxProfile> ProbeAsync(GdalOptions options, string workRoot, CancellationToken ct)
    {
        var prlimit = ExecutableLookup.Find("prlimit");
        if (prlimit is null)
        {
            return Failed("prlimit (util-linux) is not installed, so no memory limit can be applied.");
        }
        var gdalinfo = ExecutableLookup.Find(options.Tool("gdalinfo"));
        if (gdalinfo is null)
        {
            return Failed($"'{options.Tool("gdalinfo")}' was not found.");
        }
        var programs = new Dictionary<GdalTool, IReadOnlyList<string>> { [GdalTool.GdalInfo] = [gdalinfo] };
        foreach (var (tool, name) in new[]
                 {
                     (GdalTool.GdalTranslate, "gdal_translate"), (GdalTool.GdalWarp, "gdalwarp"), (GdalTool.GdalRasterize, "gdal_rasterize"),
                 })
        {
            if (ExecutableLookup.Find(options.Tool(name)) is { } program)
            {
                programs[tool] = [program];
            }
        }
        if (ExecutableLookup.Find(options.PythonPath) is { } python)
        {
            // -I: ignore PYTHON* variables, the user site and the current folder; -B: write no .pyc files.
            programs[GdalTool.CogValidator] = [python, "-I", "-B", "-m", CogValidatorModule];
        }

        var limits = GdalCommandLine.Limits(prlimit, ProbeMemoryBytes, fileSizeBytes: 1024 * 1024, cpuSeconds: 60);
        var environment = GdalSandboxEnvironment.Build(options, workRoot, skippedDrivers: "");
        string? isolationProblem = null;
        if (options.NetworkIsolation != GdalNetworkIsolation.Off)
        {
            var unshare = ExecutableLookup.Find("unshare");
            IReadOnlyList<IReadOnlyList<string>> prefixes = unshare is null
                ? []
                : [[unshare, "--net", "--"], [unshare, "--user", "--map-root-user", "--net", "--"]];
            isolationProblem = unshare is null ? "unshare (util-linux) is not installed." : null;
            foreach (var prefix in prefixes)
            {
                var (drivers, problem) = await ListDriversAsync([.. prefix, .. limits, gdalinfo], environment, workRoot, ct);
                if (drivers is not null)
                {
                    return new GdalSandboxProfile(prefix, prlimit, programs.ToFrozenDictionary(), drivers, null, null);
                }
                isolationProblem = problem;
            }
            if (options.NetworkIsolation == GdalNetworkIsolation.Required)
            {
                return Failed($"Network isolation is required but no empty network namespace could be created: {isolationProblem}");
            }
        }
        var (plainDrivers, plainProblem) = await ListDriversAsync([.. limits, gdalinfo], environment, workRoot, ct);
        return plainDrivers is null
            ? Failed($"gdalinfo --formats failed: {plainProblem}")
            : new GdalSandboxProfile([], prlimit, programs.ToFrozenDictionary(), plainDrivers, null, isolationProblem);
    }

    private static async Task<(IReadOnlyList<string>? Drivers, string Problem)> ListDriversAsync(
        IReadOnlyList<string> commandLine, IReadOnlyDictionary<string, string> environment, string workRoot, CancellationToken ct)
    {
        var start = new GdalProcessStart([.. commandLine, "--formats"], environment, workRoot, ProbeTimeout, 1024 * 1024, 16 * 1024);
        GdalProcessExit exit;
        try
        {
            exit = await GdalProcess.RunAsync(start, ct);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, ex.Message);
        }
        var lines = exit.Stdout.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (exit.TimedOut || exit.ExitCode != 0 || lines.Length == 0 || !lines[0].StartsWith("Supported Formats", StringComparison.Ordinal))
        {
            return (null, $"exit code {exit.ExitCode}: {exit.Stderr.Text.Trim()}");
        }
        return ([.. lines.Skip(1).Select(line => line.Split(' ', 2)[0]).Where(name => name.Length > 0)], "");
    }
}
