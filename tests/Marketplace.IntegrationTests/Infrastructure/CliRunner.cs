using System.CommandLine;
using Marketplace.Cli;
using Spectre.Console;
using CliProgram = Marketplace.Cli.Program;

namespace Marketplace.IntegrationTests.Infrastructure;

/// <summary>Runs the command-line client against a test app in-process, as a demo client, capturing its output.</summary>
public sealed class CliRunner(MarketplaceApp app) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("marketplace-cli-");

    public string StateFile(string name) => Path.Combine(_folder.FullName, name + ".json");

    public async Task<(int ExitCode, string Output)> RunAsync(string client, string[] arguments, CancellationToken ct)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        var demo = app.DemoClient(client);
        var context = new CliContext(_ => null, TimeProvider.System, app.CreateHandler, console, console, Path.Combine(_folder.FullName, "none.json"));
        string[] credentials = ["--url", MarketplaceApp.Issuer, "--client-id", demo.ClientId, "--client-secret", demo.ClientSecret];
        var exit = await CliProgram.RunAsync([.. arguments, .. credentials], context, new InvocationConfiguration(), ct);
        return (exit, output.ToString());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
