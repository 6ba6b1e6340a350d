using Marketplace.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Uploads;

/// <summary>Runs <see cref="ExpireUploads"/> every <see cref="UploadOptions.ExpirySweepSeconds"/> in the worker role.</summary>
public sealed partial class UploadExpiryWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<UploadOptions> options, IOptions<HostingOptions> hosting, ILogger<UploadExpiryWorker> logger)
    : WorkerService(hosting)
{
    protected override async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ExpirySweepSeconds), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<ExpireUploads>().HandleAsync(ct);
                if (expired > 0)
                {
                    LogExpired(expired);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} abandoned uploads and deleted their blobs")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring abandoned uploads failed; retrying at the next sweep")]
    private partial void LogFailed(Exception exception);
}
