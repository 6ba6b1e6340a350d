using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Platform.Hosting;

/// <summary>
/// A background job of the worker role: it runs only in processes started with the <c>worker</c> role, so API
/// replicas and workers can be scaled separately from one image.
/// </summary>
public abstract class WorkerService(IOptions<HostingOptions> hosting) : BackgroundService
{
    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) =>
        hosting.Value.RunsWorker ? RunAsync(stoppingToken) : Task.CompletedTask;

    /// <summary>The job's loop; it ends when <paramref name="ct"/> is cancelled.</summary>
    protected abstract Task RunAsync(CancellationToken ct);
}
