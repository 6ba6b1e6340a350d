using System.ComponentModel.DataAnnotations;

namespace Marketplace.Platform.Gdal;

/// <summary>
/// Where the GDAL command-line tools are and the limits every GDAL subprocess runs under (see <see cref="GdalSandbox"/>).
/// </summary>
public sealed class GdalOptions
{
    public const string Section = "Gdal";

    /// <summary>Folder holding gdalinfo and friends; empty means the PATH.</summary>
    public string BinDirectory { get; set; } = "";

    /// <summary>Wall time one GDAL subprocess may run before its whole process tree is killed; fractions allowed.</summary>
    [Range(0.01, 3600.0)]
    public double TimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Address-space limit of one subprocess (setrlimit RLIMIT_AS via prlimit). The tools need about 200 MB just to
    /// load their libraries, so values below that make every run fail with a memory-limit result.
    /// </summary>
    [Range(64, 1_048_576)]
    public int MemoryLimitMegabytes { get; set; } = 1024;

    /// <summary>GDAL block cache (GDAL_CACHEMAX); memory use follows this rather than the file size.</summary>
    [Range(8, 65_536)]
    public int CacheMegabytes { get; set; } = 128;

    /// <summary>Worker threads GDAL may use (GDAL_NUM_THREADS), e.g. for DEFLATE compression in COG output.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 2;

    /// <summary>Largest file a subprocess may write (RLIMIT_FSIZE); a bigger write kills it.</summary>
    [Range(1, 1_048_576)]
    public int MaxOutputFileMegabytes { get; set; } = 16_384;

    /// <summary>Standard output kept per run; the rest is read and dropped.</summary>
    [Range(1, 262_144)]
    public int MaxStdoutKilobytes { get; set; } = 16_384;

    /// <summary>Standard error kept per run; the rest is read and dropped.</summary>
    [Range(1, 65_536)]
    public int MaxStderrKilobytes { get; set; } = 64;

    /// <summary>Whether subprocesses run in an empty network namespace (<c>unshare --net</c>).</summary>
    public GdalNetworkIsolation NetworkIsolation { get; set; } = GdalNetworkIsolation.Auto;

    /// <summary>The Python interpreter that can import GDAL's bindings (for the COG validator).</summary>
    [Required]
    public string PythonPath { get; set; } = "/usr/bin/python3";

    /// <summary>Folder under which private work folders are created; empty means a folder in the system temp path.</summary>
    public string WorkDirectory { get; set; } = "";

    public string Tool(string name) => BinDirectory.Length == 0 ? name : Path.Combine(BinDirectory, name);

    public string WorkRoot() =>
        Path.GetFullPath(WorkDirectory.Length == 0 ? Path.Combine(Path.GetTempPath(), "marketplace-gdal") : WorkDirectory);
}
