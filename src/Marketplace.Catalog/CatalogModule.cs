using Marketplace.Catalog.Aggregation;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Demo;
using Marketplace.Catalog.Ingest;
using Marketplace.Catalog.Items;
using Marketplace.Catalog.Persistence;
using Marketplace.Catalog.Queryables;
using Marketplace.Catalog.Search;
using Marketplace.Catalog.Validation;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Catalog;

/// <summary>The STAC catalog: collections and items in PostGIS, search with access control inside the query.</summary>
public static class CatalogModule
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<CatalogOptions>(CatalogOptions.Section);
        services.AddModuleDbContext<CatalogDbContext>(CatalogDbContext.Schema, migrationOrder: 20, spatial: true);
        services.AddValidatedOptions<StacSchemaOptions>(StacSchemaOptions.Section);
        services.AddHttpClient(StacSchemaValidator.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<StacSchemaOptions>>().Value.FetchTimeoutSeconds));
        services.AddSingleton<StacSchemaValidator>();
        services.AddSingleton<StacItemReader>();
        services.AddSingleton<CatalogQueryables>();
        services.AddSingleton<ItemConditions>();
        services.AddSingleton<LoadItems>();
        services.AddSingleton<SearchItems>();
        services.AddSingleton<AggregateItems>();
        services.AddSingleton<ListCollections>();
        services.AddScoped<UpsertCollection>();
        services.AddScoped<SeedDemoCollections>();
        return builder;
    }
}
