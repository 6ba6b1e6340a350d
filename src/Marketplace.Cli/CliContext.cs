using Spectre.Console;

namespace Marketplace.Cli;

/// <summary>
/// What a command takes from its surroundings: environment variables, the clock, how HTTP requests leave the
/// process, the consoles for results and for errors, and where the demo world file is looked for by default.
/// The process uses <see cref="ForProcess"/>; tests supply their own.
/// </summary>
internal sealed record CliContext(
    Func<string, string?> Environment,
    TimeProvider Clock,
    Func<HttpMessageHandler> CreateHandler,
    IAnsiConsole Out,
    IAnsiConsole Error,
    string DefaultDemoPath)
{
    /// <summary>Log pages and proofs are small, but a server under load may be slow: give it this long per request.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>One block of an upload may be large and the link slow: give it this long.</summary>
    private static readonly TimeSpan TransferTimeout = TimeSpan.FromMinutes(30);

    public static CliContext ForProcess() => new(
        System.Environment.GetEnvironmentVariable,
        TimeProvider.System,
        () => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        CreateConsole(Console.Out, Console.IsOutputRedirected),
        CreateConsole(Console.Error, Console.IsErrorRedirected),
        Configuration.CliPaths.DefaultDemoPath);

    /// <summary>A client for one command run; its base address ends in '/' so that relative API paths keep any path prefix.</summary>
    public HttpClient CreateHttpClient(Uri baseUrl) => CreateHttpClient(baseUrl, RequestTimeout);

    /// <summary>
    /// A client for block transfers, which may take minutes each: to Blob storage through write URLs (absolute, so
    /// <paramref name="baseUrl"/> may be null) or through the API.
    /// </summary>
    public HttpClient CreateTransferClient(Uri? baseUrl) => CreateHttpClient(baseUrl, TransferTimeout);

    private HttpClient CreateHttpClient(Uri? baseUrl, TimeSpan timeout)
    {
        var http = new HttpClient(CreateHandler(), disposeHandler: true) { BaseAddress = baseUrl, Timeout = timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("marketplace-cli/" + (typeof(CliContext).Assembly.GetName().Version?.ToString(3) ?? "0"));
        return http;
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = 4096;   // logs and pipes: one line per message, not wrapped at the 80 columns assumed without a terminal
        }
        return console;
    }
}
