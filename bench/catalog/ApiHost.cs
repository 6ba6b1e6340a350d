using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Bench.Catalog;

/// <summary>
/// The real host binary (Release build), run as its own process against the benchmark's database: once for
/// <c>migrate</c>, then serving with the api role on a free loopback port. Stopped by its process id only.
/// </summary>
internal sealed class ApiHost
{
    private readonly Process _process;
    private readonly string _log;

    private ApiHost(Process process, Uri baseAddress, string log)
    {
        _process = process;
        BaseAddress = baseAddress;
        _log = log;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The settings of the host: the benchmark database, the api role, its own URL as issuer, Production.</summary>
    public static Dictionary<string, string> Settings(string connectionString, string ownerConnectionString, Uri baseAddress) => new()
    {
        ["ConnectionStrings__Marketplace"] = connectionString,
        ["ConnectionStrings__MarketplaceOwner"] = ownerConnectionString,
        ["Hosting__Roles"] = "api",
        ["Identity__Issuer"] = baseAddress.AbsoluteUri,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        // One benchmark client is one anonymous address; the per-client limit (600/min) would otherwise be what is measured.
        ["RateLimiting__PermitsPerMinute"] = "1000000",
        ["RateLimiting__Burst"] = "1000000",
    };

    /// <summary>Runs <c>migrate</c> (every module's schema, then the application role's grants) and waits for it.</summary>
    public static async Task MigrateAsync(string appDirectory, Dictionary<string, string> settings, string log, CancellationToken ct)
    {
        var quiet = new Dictionary<string, string>(settings) { ["Serilog__MinimumLevel__Default"] = "Warning" };
        using var process = Launch(appDirectory, quiet, log, "migrate", "--contentRoot", appDirectory);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"migrate failed (exit code {process.ExitCode}):\n{Tail(log)}");
        }
    }

    /// <summary>Starts serving on <paramref name="baseAddress"/> and waits until it answers.</summary>
    public static async Task<ApiHost> StartAsync(string appDirectory, Dictionary<string, string> settings, Uri baseAddress, string log, CancellationToken ct)
    {
        var process = Launch(appDirectory, settings, log, "--urls", baseAddress.AbsoluteUri.TrimEnd('/'), "--contentRoot", appDirectory);
        var host = new ApiHost(process, baseAddress, log);
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API stopped (exit code {process.ExitCode}):\n{Tail(log)}");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri("/conformance", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                host.Stop();
                throw new InvalidOperationException($"The API did not answer within 90 s:\n{Tail(log)}");
            }
            await Task.Delay(250, ct);
        }
    }

    /// <summary>Stops the process this benchmark started: SIGTERM to its id, then a kill if it has not exited after 15 s.</summary>
    public void Stop() => Stop(_process);

    public string LogTail() => Tail(_log);

    private static Process Launch(string appDirectory, Dictionary<string, string> settings, string log, params string[] arguments)
    {
        // exec keeps the process id: the id this benchmark holds is the host's own.
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = appDirectory, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=\"$1\"; shift; exec dotnet \"$@\" >>\"$log\" 2>&1");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(log);
        start.ArgumentList.Add(Path.Combine(appDirectory, "Marketplace.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the API host.");
    }

    private static void Stop(Process process)
    {
        if (process.HasExited)
        {
            return;
        }
        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            term?.WaitForExit();
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
    }

    private static string Tail(string log) =>
        File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "(no log)";
}
