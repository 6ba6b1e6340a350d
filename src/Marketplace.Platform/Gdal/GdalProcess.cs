using System.Diagnostics;
using System.Text;

namespace Marketplace.Platform.Gdal;

/// <summary>
/// Starts one process with exactly the given environment, drains both output streams with size caps, and kills the
/// whole process tree when the wall-time limit passes or the caller cancels.
/// </summary>
internal static class GdalProcess
{
    private static readonly TimeSpan ReapTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <exception cref="OperationCanceledException">The caller cancelled; the process tree is already killed.</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static async Task<GdalProcessExit> RunAsync(GdalProcessStart start, CancellationToken ct)
    {
        var info = new ProcessStartInfo(start.CommandLine[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = start.WorkFolder,
        };
        foreach (var argument in start.CommandLine.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment.Clear();
        foreach (var (name, value) in start.Environment)
        {
            info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        var started = Stopwatch.GetTimestamp();
        process.Start();
        process.StandardInput.Close();

        using var drain = new CancellationTokenSource();
        var stdout = CapturedText.ReadAsync(process.StandardOutput, start.MaxStdoutChars, drain.Token);
        var stderr = CapturedText.ReadAsync(process.StandardError, start.MaxStderrChars, drain.Token);

        var timedOut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            limit.CancelAfter(start.Timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                await ReapAsync(process);
                drain.CancelAfter(DrainTimeout);
                await Task.WhenAll(stdout, stderr);
                ct.ThrowIfCancellationRequested();
                timedOut = true;
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);

        drain.CancelAfter(DrainTimeout);
        var output = await stdout;
        var errors = await stderr;
        return new GdalProcessExit(process.ExitCode, timedOut, output, errors, elapsed);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the time-out and the kill.
        }
    }

    private static async Task ReapAsync(Process process)
    {
        using var reap = new CancellationTokenSource(ReapTimeout);
        try
        {
            await process.WaitForExitAsync(reap.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGKILL cannot be ignored; a process still there after this is stuck in the kernel (D state).
        }
    }
}
