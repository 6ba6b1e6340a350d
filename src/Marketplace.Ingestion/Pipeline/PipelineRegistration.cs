using Marketplace.Catalog.Items;
using Marketplace.Ingestion.Certification;
using Marketplace.Ingestion.Pipeline.Steps;
using Marketplace.Ingestion.Formats;
using Marketplace.Ingestion.Products;
using Marketplace.Ingestion.Telemetry.OrbitData;
using Marketplace.Ingestion.Telemetry.SpacePackets;
using Marketplace.Ingestion.Telemetry.TimeSeries;
using Marketplace.Ingestion.Telemetry.Tle;
using Marketplace.Ingestion.Raster;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Jobs;
using Marketplace.Platform.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Ingestion.Pipeline;

/// <summary>Registers product submission and the certification pipeline: its steps, its job handler and its signing key.</summary>
public static class PipelineRegistration
{
    public static IServiceCollection AddProductPipeline(this IServiceCollection services)
    {
        services.AddValidatedOptions<PipelineOptions>(PipelineOptions.Section);
        services.AddValidatedOptions<CertificationOptions>(CertificationOptions.Section);
        services.AddValidatedOptions<RasterCheckOptions>(RasterCheckOptions.Section);
        services.AddSingleton<RasterInspector>();
        services.AddSingleton<RasterChecks>();
        services.AddSingleton<CogConformance>();
        services.AddSingleton<CogConverter>();
        services.AddSingleton<ThumbnailMaker>();
        services.AddSingleton<CertificationSigner>();
        services.AddSingleton<IPublishedSigningKey>(sp => sp.GetRequiredService<CertificationSigner>());
        services.AddSingleton<ProductFiles>();
        services.AddSingleton<PublishItem>();
        services.AddValidatedOptions<FormatDetectionOptions>(FormatDetectionOptions.Section);
        services.AddValidatedOptions<SpacePacketCheckOptions>(SpacePacketCheckOptions.Section);
        services.AddValidatedOptions<TleCheckOptions>(TleCheckOptions.Section);
        services.AddValidatedOptions<OrbitDataCheckOptions>(OrbitDataCheckOptions.Section);
        services.AddValidatedOptions<TimeSeriesCheckOptions>(TimeSeriesCheckOptions.Section);
        services.AddSingleton<FormatDetector>();
        services.AddSingleton<SpacePacketCheck>();
        services.AddSingleton<TleCheck>();
        services.AddSingleton<OmmCheck>();
        services.AddSingleton<OemCheck>();
        services.AddSingleton<CsvTimeSeriesCheck>();
        services.AddSingleton<ParquetTimeSeriesCheck>();
        services.AddSingleton<IPipelineStep, IntegrityStep>();
        services.AddSingleton<IPipelineStep, FormatStep>();
        services.AddSingleton<IPipelineStep, TelemetryStep>();
        services.AddSingleton<IPipelineStep, MetadataStep>();
        services.AddSingleton<IPipelineStep, RasterStep>();
        services.AddSingleton<IPipelineStep, CogStep>();
        services.AddSingleton<IPipelineStep, ThumbnailStep>();
        services.AddSingleton<IPipelineStep, CertificationStep>();
        services.AddSingleton<IPipelineStep, ClassificationStep>();
        services.AddSingleton<IPipelineStep, PublicationStep>();
        services.AddSingleton<IJobHandler, ProductPipeline>();
        services.AddScoped<SubmitProduct>();
        services.AddScoped<GetProduct>();
        services.AddScoped<ListProducts>();
        services.AddScoped<WithdrawProduct>();
        services.AddScoped<ProductAccess>();
        return services;
    }
}
