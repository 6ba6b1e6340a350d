using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Gdal;

namespace Marketplace.Ingestion.Raster;

/// <summary>Turns a sandboxed GDAL run that did not end normally into the finding a provider or operator can act on.</summary>
internal static class GdalRunFindings
{
    private const int ExcerptLength = 600;

    /// <summary>The finding for a run that was refused, timed out, ran out of memory, crashed or could not start; null when it exited by itself.</summary>
    public static Finding? ForAbnormalEnd(GdalRunResult run, string activity, GdalWorkFile file) => run.Termination switch
    {
        GdalTermination.Exited => null,
        GdalTermination.TimedOut => Finding.Error(RasterFindingCodes.Timeout,
            $"{activity} was stopped after {run.Elapsed.TotalSeconds:F1} s: it exceeded the time limit."),
        GdalTermination.MemoryLimitExceeded => Finding.Error(RasterFindingCodes.MemoryLimit,
            $"{activity} was stopped: it needed more memory than the limit allows. {Excerpt(run.Stderr)}".TrimEnd()),
        GdalTermination.FileSizeLimitExceeded => Finding.Error(RasterFindingCodes.OutputTooLarge,
            $"{activity} was stopped: its output exceeded the file-size limit."),
        GdalTermination.Crashed => Finding.Error(RasterFindingCodes.Unreadable,
            $"GDAL crashed (exit code {run.ExitCode}) during {activity.ToLowerInvariant()}; the file is probably malformed. {Excerpt(run.Stderr)}".TrimEnd()),
        GdalTermination.Refused => IsEmpty(file)
            ? Finding.Error(RasterFindingCodes.Empty, "The file is empty (0 bytes).")
            : Finding.Error(RasterFindingCodes.NotGeoTiff, $"The file was refused: {run.Stderr}"),
        GdalTermination.FailedToStart => Finding.Error(RasterFindingCodes.CheckUnavailable,
            $"{activity} could not run on this server; the check must be retried: {run.Stderr}"),
        _ => Finding.Error(RasterFindingCodes.CheckUnavailable, $"{activity} ended as {run.Termination}."),
    };

    /// <summary>The first GDAL ERROR lines of stderr (or its start), short enough for a message.</summary>
    public static string Excerpt(string stderr)
    {
        var errors = ErrorLines(stderr).Take(3).ToList();
        var text = errors.Count > 0 ? string.Join(" ", errors) : stderr.Trim();
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";
    }

    /// <summary>Lines GDAL reports as CE_Failure or CE_Fatal ("ERROR n: …").</summary>
    public static IEnumerable<string> ErrorLines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("ERROR ", StringComparison.Ordinal) || line.StartsWith("FATAL", StringComparison.Ordinal));

    private static bool IsEmpty(GdalWorkFile file)
    {
        var info = new FileInfo(file.FullPath);
        return info.Exists && info.Length == 0;
    }
}
