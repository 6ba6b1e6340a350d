using Marketplace.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Platform.Persistence;

/// <summary>Registers the shared Npgsql data source and the migration runner.</summary>
public static class PersistenceRegistration
{
    public static IHostApplicationBuilder AddMarketplaceDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DatabaseOptions>("Database")
            .Configure<IConfiguration>((o, config) =>
            {
                o.ConnectionString = config.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? o.ConnectionString;
                o.OwnerConnectionString = config.GetConnectionString(DatabaseOptions.OwnerConnectionStringName) ?? o.OwnerConnectionString;
            });
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString);
            dataSource.ConnectionStringBuilder.CommandTimeout = options.CommandTimeoutSeconds;
            if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                // Hot statements (audit appends, proofs, searches) are prepared once per connection.
                dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
            }
            var session = $"-c plan_cache_mode={options.PlanCacheMode}";
            var given = dataSource.ConnectionStringBuilder.Options;
            dataSource.ConnectionStringBuilder.Options = string.IsNullOrWhiteSpace(given) ? session : $"{given} {session}";
            dataSource.EnableDynamicJson();
            dataSource.UseNetTopologySuite();
            return dataSource.Build();
        });
        builder.Services.AddSingleton<DatabaseMigrator>();
        return builder;
    }

    /// <summary>Registers a module's DbContext on the shared data source, with its migrations history in its own schema.</summary>
    /// <param name="grants">What the application's role may do in the schema; by default read and write every table.</param>
    /// <param name="spatial">Map PostGIS types to NetTopologySuite geometries in this context.</param>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema, int migrationOrder,
        Action<DbContextOptionsBuilder>? configure = null, Func<string, string>? grants = null, bool spatial = false)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, options) =>
        {
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => ConfigureNpgsql(npgsql, schema, spatial));
            configure?.Invoke(options);
        });
        services.AddSingleton<IDatabaseMigration>(sp => new EfCoreMigration<TContext>(
            sp, schema, migrationOrder, configure, grants ?? (role => RuntimeGrants.ReadWrite(schema, role)), spatial));
        return services;
    }

    /// <summary>A module's EF provider settings: its own migrations history and, for spatial modules, PostGIS types as NetTopologySuite geometries.</summary>
    internal static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql, string schema, bool spatial)
    {
        npgsql.MigrationsHistoryTable("__ef_migrations", schema);
        if (spatial)
        {
            npgsql.UseNetTopologySuite();
        }
    }
}
