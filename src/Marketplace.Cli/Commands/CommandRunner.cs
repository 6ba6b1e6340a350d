using System.Security.Authentication;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;
using Marketplace.Cli.Uploads;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary>
/// Runs a command's body and turns the failures a user can act on into clear lines and an exit code, never a stack
/// trace: <see cref="ExitCodes.Error"/> for settings, connection and server errors (the server's problem with its
/// detail, and one line per field error), <see cref="ExitCodes.Interrupted"/> for Ctrl+C.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliContext context, Func<CancellationToken, Task<int>> body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body(ct);
        }
        catch (Exception e)
        {
            return Report(context, e, ct);
        }
    }

    /// <summary>Prints <paramref name="failure"/> to the error console; the exit code it means.</summary>
    public static int Report(CliContext context, Exception failure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (failure)
        {
            case MarketplaceApiException e:
                Fail(context, e.Summary ?? e.Message);
                foreach (var (field, messages) in e.FieldErrors)
                {
                    foreach (var message in messages)
                    {
                        context.Error.MarkupLine($"  [red]•[/] {Markup.Escape(field)}: {Markup.Escape(message)}");
                    }
                }
                return ExitCodes.Error;
            case OperationCanceledException when ct.IsCancellationRequested:
                context.Error.MarkupLine("[yellow]Interrupted.[/]");
                return ExitCodes.Interrupted;
            case OperationCanceledException:
                return Fail(context, "The server did not answer in time.");
            case HttpRequestException e:
                return Fail(context, $"Cannot reach the server: {e.Message}");
            case AuthenticationException e:
                return Fail(context, $"The server's TLS certificate is not trusted: {e.Message}");
            case CliConfigurationException or BlockTransferException or IOException or UnauthorizedAccessException:
                return Fail(context, failure.Message);
            default:
                // A bug: one line that can be reported, rather than a stack trace that buries it.
                return Fail(context, $"unexpected {failure.GetType().Name}: {failure.Message}");
        }
    }

    private static int Fail(CliContext context, string message)
    {
        context.Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return ExitCodes.Error;
    }
}
