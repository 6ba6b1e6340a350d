using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Identity.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host; it never connects.</summary>
internal sealed class IdentityDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityDbContext>()
            .UseNpgsql("Host=design-time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations", IdentityDbContext.Schema))
            .UseOpenIddict()
            .Options;
        return new IdentityDbContext(options);
    }
}
