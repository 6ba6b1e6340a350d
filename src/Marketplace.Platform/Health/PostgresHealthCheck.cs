using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Marketplace.Platform.Health;

/// <summary>Ready when PostgreSQL answers and PostGIS is installed in the marketplace database.</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT postgis_lib_version()");
            var version = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PostGIS {version}");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL with PostGIS is not usable.", ex);
        }
    }
}
