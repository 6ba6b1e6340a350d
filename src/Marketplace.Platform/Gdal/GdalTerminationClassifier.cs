namespace Marketplace.Platform.Gdal;

/// <summary>Tells how a sandboxed process ended from its exit code, whether the sandbox killed it, and its stderr.</summary>
internal static class GdalTerminationClassifier
{
    private const int SignalBase = 128;
    private const int SigKill = 9;
    private const int SigXcpu = 24;
    private const int SigXfsz = 25;

    /// <summary>
    /// What GDAL, libtiff, glibc's loader, C++ and Python print when an allocation or a mapping fails under RLIMIT_AS.
    /// </summary>
    private static readonly string[] MemoryMarkers =
    [
        "out of memory",
        "cannot allocate memory",
        "failed to allocate",
        "memoryerror",
        "std::bad_alloc",
        "failed to map segment",
        "cannot reserve",
    ];

    public static GdalTermination Classify(int exitCode, bool killedByTimeout, string stderr)
    {
        if (killedByTimeout || exitCode == SignalBase + SigXcpu)
        {
            return GdalTermination.TimedOut;
        }
        if (exitCode == SignalBase + SigXfsz || stderr.Contains("File too large", StringComparison.OrdinalIgnoreCase))
        {
            return GdalTermination.FileSizeLimitExceeded;
        }
        // gdalinfo -stats exits 0 after failed reads, so the markers count whatever the exit code.
        if (MemoryMarkers.Any(marker => stderr.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            return GdalTermination.MemoryLimitExceeded;
        }
        if (exitCode == SignalBase + SigKill)
        {
            // Nobody but the kernel's OOM killer sends SIGKILL to a child we did not kill ourselves.
            return GdalTermination.MemoryLimitExceeded;
        }
        return exitCode is > SignalBase and <= SignalBase + 64 ? GdalTermination.Crashed : GdalTermination.Exited;
    }
}
