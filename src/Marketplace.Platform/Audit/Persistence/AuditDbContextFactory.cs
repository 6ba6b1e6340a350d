using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Platform.Audit.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host; it never connects.</summary>
internal sealed class AuditDbContextFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AuditDbContext>()
            .UseNpgsql("Host=design-time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations", AuditDbContext.Schema))
            .Options);
}
