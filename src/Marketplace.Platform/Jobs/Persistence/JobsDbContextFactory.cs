using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Platform.Jobs.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host; it never connects.</summary>
internal sealed class JobsDbContextFactory : IDesignTimeDbContextFactory<JobsDbContext>
{
    public JobsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<JobsDbContext>()
            .UseNpgsql("Host=design-time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations", JobsDbContext.Schema))
            .Options);
}
