using Marketplace.Platform.Audit;
using Marketplace.Platform.Gdal;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Health;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Jobs;
using Marketplace.Platform.Persistence;
using Marketplace.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Platform;

/// <summary>Registers the platform services every module uses: database, blob storage, GDAL, grades, time, readiness checks.</summary>
public static class PlatformModule
{
    public const string ReadinessTag = "ready";

    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddValidatedOptions<HostingOptions>(HostingOptions.Section);
        builder.Services.AddValidatedOptions<GdalOptions>(GdalOptions.Section);
        builder.Services.AddSingleton<GdalVersionProbe>();
        builder.Services.AddSingleton<GdalSandbox>();
        builder.AddMarketplaceDatabase();
        builder.AddMarketplaceStorage();
        builder.AddMarketplaceGrading();
        builder.AddAuditLog();
        builder.AddJobs();
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadinessTag])
            .AddCheck<BlobStorageHealthCheck>("blob-storage", tags: [ReadinessTag])
            .AddCheck<GdalHealthCheck>("gdal", tags: [ReadinessTag]);
        return builder;
    }
}
