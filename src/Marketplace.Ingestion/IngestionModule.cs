using Microsoft.Extensions.Hosting;

namespace Marketplace.Ingestion;

/// <summary>Uploads from providers, product submission, and the certification and classification pipeline.</summary>
public static class IngestionModule
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
