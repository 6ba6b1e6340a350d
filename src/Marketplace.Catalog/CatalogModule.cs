using Microsoft.Extensions.Hosting;

namespace Marketplace.Catalog;

/// <summary>The STAC catalog: collections and items in PostGIS, search with CQL2, access control inside the query.</summary>
public static class CatalogModule
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder) => builder;
}
