using Marketplace.Cli;
using Spectre.Console;

namespace Marketplace.UnitTests.Cli;

/// <summary>A <see cref="CliContext"/> over a fake server, with the environment given and the output captured.</summary>
internal sealed class CliTestContext
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public CliTestContext(FakeAuditLog log, IReadOnlyDictionary<string, string>? environment = null, string? missingDemoPath = null)
        : this(log.CreateHandler, log.Now, environment, missingDemoPath)
    {
    }

    public CliTestContext(FakeProviderServer server, IReadOnlyDictionary<string, string>? environment = null)
        : this(server.CreateHandler, server.Now, environment, null)
    {
    }

    private CliTestContext(Func<HttpMessageHandler> handler, DateTimeOffset now, IReadOnlyDictionary<string, string>? environment, string? missingDemoPath)
    {
        var variables = environment ?? new Dictionary<string, string>();
        Context = new CliContext(
            name => variables.GetValueOrDefault(name),
            new ManualClock(now),
            handler,
            CreateConsole(_out),
            CreateConsole(_error),
            missingDemoPath ?? Path.Combine(Path.GetTempPath(), $"no-demo-{Guid.NewGuid():N}.json"));
    }

    public CliContext Context { get; }

    public string Output => _out.ToString();

    public string Error => _error.ToString();

    public static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        return console;
    }
}
