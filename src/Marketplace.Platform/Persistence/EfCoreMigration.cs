using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Platform.Persistence;

/// <summary>Applies the EF Core migrations of one module's DbContext, connected as the schemas' owner.</summary>
public sealed class EfCoreMigration<TContext>(
    IServiceProvider services, string schema, int order, Action<DbContextOptionsBuilder>? configure, Func<string, string> grants, bool spatial)
    : IDatabaseMigration
    where TContext : DbContext
{
    public string ModuleName => schema;

    public int Order => order;

    public async Task MigrateAsync(NpgsqlDataSource owner, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseNpgsql(owner, npgsql => PersistenceRegistration.ConfigureNpgsql(npgsql, schema, spatial));
        configure?.Invoke(options);
        await using var db = ActivatorUtilities.CreateInstance<TContext>(services, options.Options);
        await db.Database.MigrateAsync(ct);
    }

    public string RuntimeGrants(string role) => grants(role);
}
