using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Platform.Health;

/// <summary>Ready when Blob storage answers a container listing.</summary>
public sealed class BlobStorageHealthCheck(BlobServiceClient blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }
            return HealthCheckResult.Healthy(blobs.Uri.Host + ":" + blobs.Uri.Port);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("Blob storage is not usable.", ex);
        }
    }
}
