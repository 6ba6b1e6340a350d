using System.ComponentModel;
using Marketplace.Platform.Gdal;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Platform.Health;

/// <summary>Ready when the GDAL command-line tools run.</summary>
public sealed class GdalHealthCheck(GdalVersionProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return HealthCheckResult.Healthy(await probe.GetVersionAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("GDAL is not usable.", ex);
        }
    }
}
