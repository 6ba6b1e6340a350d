using Marketplace.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Tokens;

/// <summary>Runs <see cref="PruneExpiredTokens"/> every hour in the worker role.</summary>
public sealed partial class TokenPruningWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<HostingOptions> hosting, ILogger<TokenPruningWorker> logger)
    : WorkerService(hosting)
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<PruneExpiredTokens>().HandleAsync(ct);
                LogPruned(removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} expired tokens and authorizations")]
    private partial void LogPruned(long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning expired tokens failed; retrying at the next period")]
    private partial void LogFailed(Exception exception);
}
