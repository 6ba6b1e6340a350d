using System.CommandLine;
using Marketplace.Cli.Commands;

namespace Marketplace.Cli;

/// <summary>The <c>marketplace</c> command-line client.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) =>
        RunAsync(args, CliContext.ForProcess(), new InvocationConfiguration(), CancellationToken.None);

    /// <summary>Parses and runs one command line; the exit code is one of <see cref="ExitCodes"/>.</summary>
    public static Task<int> RunAsync(string[] args, CliContext context, InvocationConfiguration invocation, CancellationToken ct) =>
        BuildRootCommand(context).Parse(args).InvokeAsync(invocation, ct);

    public static RootCommand BuildRootCommand(CliContext context)
    {
        var credentials = new CredentialOptionSet();
        var root = new RootCommand("Command-line client of the satellite-data marketplace.");
        credentials.AddTo(root);
        root.Add(AuditCommands.Create(context, credentials));
        root.Add(UploadCommand.Create(context, credentials));
        root.Add(StatusCommand.Create(context, credentials));
        root.Add(ProductsCommand.Create(context, credentials));
        root.Add(ReviewsCommand.Create(context, credentials));
        root.Add(CertificationCommands.Create(context));
        return root;
    }
}
