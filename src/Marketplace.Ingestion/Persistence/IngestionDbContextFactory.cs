using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Ingestion.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host; it never connects.</summary>
internal sealed class IngestionDbContextFactory : IDesignTimeDbContextFactory<IngestionDbContext>
{
    public IngestionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IngestionDbContext>()
            .UseNpgsql("Host=design-time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations", IngestionDbContext.Schema))
            .Options);
}
