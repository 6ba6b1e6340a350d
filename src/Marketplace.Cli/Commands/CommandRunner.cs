using System.Security.Authentication;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary>Runs a command's body and turns the failures a user can act on into one clear line and exit code 1, never a stack trace.</summary>
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
        catch (CliConfigurationException e)
        {
            return Fail(context, e.Message);
        }
        catch (MarketplaceApiException e)
        {
            return Fail(context, e.Message);
        }
        catch (HttpRequestException e)
        {
            return Fail(context, $"Cannot reach the server: {e.Message}");
        }
        catch (AuthenticationException e)
        {
            return Fail(context, $"The server's TLS certificate is not trusted: {e.Message}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Fail(context, "Cancelled.");
        }
        catch (OperationCanceledException)
        {
            return Fail(context, "The server did not answer in time.");
        }
        catch (IOException e)
        {
            return Fail(context, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(context, e.Message);
        }
        catch (Exception e)
        {
            // A bug: one line that can be reported, rather than a stack trace that buries it.
            return Fail(context, $"unexpected {e.GetType().Name}: {e.Message}");
        }
    }

    private static int Fail(CliContext context, string message)
    {
        context.Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return ExitCodes.Error;
    }
}
