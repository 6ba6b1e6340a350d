namespace Marketplace.Platform.Gdal;

/// <summary>How a sandboxed GDAL run ended.</summary>
public enum GdalTermination
{
    /// <summary>The tool ran and exited by itself; look at the exit code.</summary>
    Exited,

    /// <summary>The wall-time limit passed and the process tree was killed.</summary>
    TimedOut,

    /// <summary>The tool ran out of its address-space limit (allocation failures, libraries that could not be mapped).</summary>
    MemoryLimitExceeded,

    /// <summary>The tool tried to write a file larger than the output-file limit and was killed (SIGXFSZ).</summary>
    FileSizeLimitExceeded,

    /// <summary>The tool died on a signal the sandbox did not send (e.g. a segmentation fault on a malformed file).</summary>
    Crashed,

    /// <summary>The input was refused before any tool ran (not a TIFF, not a regular file).</summary>
    Refused,

    /// <summary>The sandbox could not start the tool (missing program, network isolation required but unavailable).</summary>
    FailedToStart,
}
