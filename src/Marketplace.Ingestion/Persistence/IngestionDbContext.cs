using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Classification.Reviews;
using Marketplace.Ingestion.Products;
using Marketplace.Ingestion.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Persistence;

/// <summary>
/// The ingestion module's tables (schema <c>ingestion</c>): uploads, the organizations' upload quotas, products with
/// their assets and pipeline steps, the installed classification policies, and compliance reviews with their
/// decisions. Each entity is configured in its own class under <c>Persistence/Configurations</c>.
/// </summary>
public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : DbContext(options)
{
    public const string Schema = "ingestion";

    public DbSet<Upload> Uploads => Set<Upload>();

    public DbSet<OrganizationUploadQuota> UploadQuotas => Set<OrganizationUploadQuota>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<StoredPolicy> Policies => Set<StoredPolicy>();

    public DbSet<Review> Reviews => Set<Review>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IngestionDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.UploadConfiguration).Namespace);
    }
}
