using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Platform.Gdal;

/// <summary>
/// Runs one GDAL command-line tool on an untrusted raster in a separate, limited process, following GDAL's security
/// guidance: a wall-time limit (the whole process tree is killed), an address-space, CPU-time and file-size limit
/// (prlimit), an empty network namespace when the host allows it, an environment built from scratch, only the GTiff
/// driver for reading (<c>-if GTiff</c> plus <c>GDAL_SKIP</c> for every other driver), bounded cache and threads,
/// capped stdout/stderr, and inputs that can only be generated work files of a <see cref="GdalWorkspace"/>.
/// </summary>
/// <remarks>
/// A tool that fails, times out or runs out of memory is a result (<see cref="GdalTermination"/>), not an exception.
/// Exceptions are left for bugs (a command that breaks the rules above) and for the caller's own cancellation.
/// </remarks>
public sealed partial class GdalSandbox(IOptions<GdalOptions> options, ILogger<GdalSandbox> logger)
{
    private readonly Lock _profileLock = new();
    private Task<GdalSandboxProfile>? _profile;

    /// <summary>A new private work folder; dispose it when the product's checks are done.</summary>
    public GdalWorkspace CreateWorkspace() => new(options.Value.WorkRoot());

    /// <exception cref="ArgumentException">The command breaks the sandbox's rules (a bug in the caller).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; the process tree is killed.</exception>
    public async Task<GdalRunResult> RunAsync(GdalCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = options.Value;
        CheckWorkFiles(command, settings.WorkRoot());
        GdalCommandLine.Check(command);
        if (await RefuseAsync(command.Input, ct) is { } refusal)
        {
            return GdalRunResult.NotRun(GdalTermination.Refused, refusal);
        }

        var profile = await ProfileAsync(settings).WaitAsync(ct);
        if (profile.Failure is not null)
        {
            return GdalRunResult.NotRun(GdalTermination.FailedToStart, profile.Failure);
        }
        if (!profile.Programs.TryGetValue(command.Tool, out var program))
        {
            return GdalRunResult.NotRun(GdalTermination.FailedToStart, $"The program for {command.Tool} was not found.");
        }

        var allowed = GdalCommandLine.AllowedDrivers(command);
        var skipped = string.Join(' ', profile.RasterDrivers.Where(d => !allowed.Contains(d, StringComparer.OrdinalIgnoreCase)));
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var limits = GdalCommandLine.Limits(
            profile.Prlimit,
            settings.MemoryLimitMegabytes * 1024L * 1024,
            settings.MaxOutputFileMegabytes * 1024L * 1024,
            // A back-stop for the wall-time limit that holds even if this process dies: CPU time of all threads.
            (long)Math.Ceiling(settings.TimeoutSeconds * (settings.Threads + 1)) + 1);
        var workFolder = command.Input.Workspace.FolderPath;
        var start = new GdalProcessStart(
            [.. profile.IsolationPrefix, .. limits, .. GdalCommandLine.Compose(command, program)],
            GdalSandboxEnvironment.Build(settings, workFolder, skipped),
            workFolder,
            timeout,
            settings.MaxStdoutKilobytes * 1024,
            settings.MaxStderrKilobytes * 1024);

        GdalProcessExit exit;
        try
        {
            exit = await GdalProcess.RunAsync(start, ct);
        }
        catch (Win32Exception ex)
        {
            return GdalRunResult.NotRun(GdalTermination.FailedToStart, ex.Message);
        }

        var termination = GdalTerminationClassifier.Classify(exit.ExitCode, exit.TimedOut, exit.Stderr.Text);
        if (termination != GdalTermination.Exited)
        {
            LogAbnormalEnd(command.Tool, command.Input.Name, termination, exit.ExitCode, exit.Elapsed.TotalMilliseconds);
        }
        var folderPrefix = workFolder + Path.DirectorySeparatorChar;
        return new GdalRunResult(
            termination,
            exit.ExitCode,
            exit.Stdout.Text.Replace(folderPrefix, "", StringComparison.Ordinal),
            exit.Stderr.Text.Replace(folderPrefix, "", StringComparison.Ordinal),
            exit.Stdout.Truncated,
            exit.Stderr.Truncated,
            exit.Elapsed,
            profile.NetworkIsolated);
    }

    private static void CheckWorkFiles(GdalCommand command, string workRoot)
    {
        foreach (var file in new[] { command.Input, command.Output })
        {
            if (file is null)
            {
                continue;
            }
            if (!string.Equals(file.Workspace.Root, workRoot, StringComparison.Ordinal)
                || !string.Equals(Path.GetDirectoryName(file.FullPath), file.Workspace.FolderPath, StringComparison.Ordinal)
                || !GdalWorkFile.GeneratedName().IsMatch(file.Name))
            {
                throw new ArgumentException($"'{file.Name}' is not a work file of this sandbox.", nameof(command));
            }
        }
        if (command.Output is not null && (File.Exists(command.Output.FullPath) || Directory.Exists(command.Output.FullPath)))
        {
            throw new ArgumentException($"The output '{command.Output.Name}' already exists; outputs are always new files.", nameof(command));
        }
    }

    /// <summary>Why the input may not be given to GDAL at all, or null when it may.</summary>
    private static async Task<string?> RefuseAsync(GdalWorkFile input, CancellationToken ct)
    {
        var info = new FileInfo(input.FullPath);
        if (!info.Exists)
        {
            return $"{input.Name} does not exist.";
        }
        if (info.LinkTarget is not null || (info.Attributes & (FileAttributes.ReparsePoint | FileAttributes.Device)) != 0)
        {
            return $"{input.Name} is not a regular file.";
        }
        if (info.Length == 0)
        {
            return $"{input.Name} is empty.";
        }
        return await TiffSignature.StartsWithTiffSignatureAsync(info.FullName, ct)
            ? null
            : $"{input.Name} does not start with a TIFF or BigTIFF signature.";
    }

    private Task<GdalSandboxProfile> ProfileAsync(GdalOptions settings)
    {
        lock (_profileLock)
        {
            if (_profile is null || _profile.IsFaulted || _profile.IsCanceled
                || (_profile.IsCompletedSuccessfully && _profile.Result.Failure is not null))
            {
                _profile = ProbeAsync(settings);
            }
            return _profile;
        }
    }

    private async Task<GdalSandboxProfile> ProbeAsync(GdalOptions settings)
    {
        var root = settings.WorkRoot();
        using (new GdalWorkspace(root))
        {
            // Creating (and dropping) a workspace makes the root folder exist with private permissions.
        }
        var profile = await GdalSandboxProfile.ProbeAsync(settings, root, CancellationToken.None);
        if (profile.Failure is not null)
        {
            LogSandboxUnavailable(profile.Failure);
        }
        else if (!profile.NetworkIsolated && settings.NetworkIsolation == GdalNetworkIsolation.Auto)
        {
            LogNoNetworkNamespace(profile.IsolationProblem ?? "disabled");
        }
        return profile;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GDAL sandbox: {Tool} on {File} ended as {Termination} (exit code {ExitCode}) after {ElapsedMs:F0} ms")]
    private partial void LogAbnormalEnd(GdalTool tool, string file, GdalTermination termination, int exitCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "GDAL sandbox unavailable: {Reason}")]
    private partial void LogSandboxUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GDAL subprocesses run without an empty network namespace (environment settings only): {Reason}")]
    private partial void LogNoNetworkNamespace(string reason);
}
