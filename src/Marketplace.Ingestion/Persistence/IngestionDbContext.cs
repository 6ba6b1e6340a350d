using Marketplace.Ingestion.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Persistence;

/// <summary>
/// The ingestion module's tables (schema <c>ingestion</c>): uploads and the organizations' upload quotas. Each entity
/// is configured in its own class under <c>Persistence/Configurations</c>.
/// </summary>
public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : DbContext(options)
{
    public const string Schema = "ingestion";

    public DbSet<Upload> Uploads => Set<Upload>();

    public DbSet<OrganizationUploadQuota> UploadQuotas => Set<OrganizationUploadQuota>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IngestionDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.UploadConfiguration).Namespace);
    }
}
