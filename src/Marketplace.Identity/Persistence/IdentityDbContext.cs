using Marketplace.Identity.Clients;
using Marketplace.Identity.Members;
using Marketplace.Identity.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Persistence;

/// <summary>The identity module's tables (schema <c>identity</c>): organizations, members, API clients and the token server's stores.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public const string Schema = "identity";

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
        base.OnModelCreating(modelBuilder);
    }
}
