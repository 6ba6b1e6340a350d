using Azure.Storage.Blobs;
using Marketplace.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Platform.Storage;

/// <summary>Registers the blob service client.</summary>
public static class StorageRegistration
{
    public static IHostApplicationBuilder AddMarketplaceStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        builder.Services.AddSingleton(sp =>
            new BlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        return builder;
    }
}
