using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Platform.Persistence;

/// <summary>
/// Runs every module's migration in order as the schemas' owner, then grants the application's role what each
/// module allows. Each step is idempotent, so running it twice is safe.
/// </summary>
public sealed partial class DatabaseMigrator(
    IEnumerable<IDatabaseMigration> migrations, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        var ownerConnection = options.Value.EffectiveOwnerConnectionString;
        var ownerBuilder = new NpgsqlDataSourceBuilder(ownerConnection);
        ownerBuilder.UseNetTopologySuite();
        await using var owner = ownerBuilder.Build();
        var ordered = migrations.OrderBy(m => m.Order).ToList();
        foreach (var migration in ordered)
        {
            LogMigrating(migration.ModuleName);
            await migration.MigrateAsync(owner, ct);
        }
        var runtimeRole = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString).Username;
        var ownerRole = new NpgsqlConnectionStringBuilder(ownerConnection).Username;
        if (string.IsNullOrEmpty(runtimeRole) || runtimeRole == ownerRole)
        {
            LogSameRole();
            return;
        }
        if (!RoleName().IsMatch(runtimeRole))
        {
            throw new InvalidOperationException($"The application's role name '{runtimeRole}' is not a plain identifier.");
        }
        await using var command = owner.CreateCommand(string.Concat(ordered.Select(m => m.RuntimeGrants(runtimeRole))));
        await command.ExecuteNonQueryAsync(ct);
        LogGranted(runtimeRole);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating the {Module} schema")]
    private partial void LogMigrating(string module);

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted the application's role {Role} its privileges")]
    private partial void LogGranted(string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The application connects as the schemas' owner: it is not restricted by grants (the audit log's triggers still refuse changes)")]
    private partial void LogSameRole();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
