using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalog.Persistence;

/// <summary>
/// The catalog's tables (schema <c>catalog</c>): collections and items with a PostGIS footprint (GiST), start and end
/// datetimes, properties as jsonb with indexes for the declared queryables, and a full-text column.
/// </summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public const string Schema = "catalog";

    public DbSet<CollectionRecord> Collections => Set<CollectionRecord>();

    public DbSet<ItemRecord> Items => Set<ItemRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.ItemConfiguration).Namespace);
    }
}
