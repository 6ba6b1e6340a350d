using Microsoft.EntityFrameworkCore;

namespace Marketplace.Platform.Jobs.Persistence;

/// <summary>The durable job queue, schema <c>jobs</c>.</summary>
public sealed class JobsDbContext(DbContextOptions<JobsDbContext> options) : DbContext(options)
{
    public const string Schema = "jobs";

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JobsDbContext).Assembly, t => t.Namespace == typeof(Configurations.JobConfiguration).Namespace);
    }
}
