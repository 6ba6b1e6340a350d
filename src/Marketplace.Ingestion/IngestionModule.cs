using Marketplace.Ingestion.Classification;
using Marketplace.Ingestion.Demo;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Uploads;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Ingestion;

/// <summary>Uploads from providers, product submission, and the certification and classification pipeline.</summary>
public static class IngestionModule
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<UploadOptions>(UploadOptions.Section);
        services.AddModuleDbContext<IngestionDbContext>(IngestionDbContext.Schema, migrationOrder: 30);
        services.AddSingleton<StagingArea>();
        services.AddScoped<UploadQuotas>();
        services.AddScoped<CreateUpload>();
        services.AddScoped<GetUpload>();
        services.AddScoped<CompleteUpload>();
        services.AddScoped<AbortUpload>();
        services.AddScoped<StageBlock>();
        services.AddScoped<ExpireUploads>();
        services.AddScoped<GetUploadQuota>();
        services.AddScoped<SetUploadQuota>();
        services.AddHostedService<UploadExpiryWorker>();
        services.AddProductPipeline();
        services.AddClassification();
        services.AddScoped<UploadLocalFile>();
        services.AddScoped<SeedDemoProducts>();
        return builder;
    }
}
