namespace Marketplace.Platform.Gdal;

/// <summary>
/// What a sandboxed GDAL run produced. Standard output and error are cut at the configured sizes
/// (<see cref="StdoutTruncated"/>, <see cref="StderrTruncated"/>); the work folder's path is replaced by nothing in
/// <see cref="Stderr"/>, so messages name only the generated file name. For <see cref="GdalTermination.Refused"/>
/// and <see cref="GdalTermination.FailedToStart"/>, <see cref="Stderr"/> holds the reason.
/// </summary>
public sealed record GdalRunResult(
    GdalTermination Termination,
    int? ExitCode,
    string Stdout,
    string Stderr,
    bool StdoutTruncated,
    bool StderrTruncated,
    TimeSpan Elapsed,
    bool NetworkIsolated)
{
    /// <summary>The tool exited by itself with exit code 0.</summary>
    public bool Succeeded => Termination == GdalTermination.Exited && ExitCode == 0;

    internal static GdalRunResult NotRun(GdalTermination termination, string reason) =>
        new(termination, null, "", reason, false, false, TimeSpan.Zero, false);
}
