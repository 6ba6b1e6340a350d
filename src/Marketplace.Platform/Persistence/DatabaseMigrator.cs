using Microsoft.Extensions.Logging;

namespace Marketplace.Platform.Persistence;

/// <summary>Runs every module's migration in order. Each migration is idempotent, so running it twice is safe.</summary>
public sealed partial class DatabaseMigrator(IEnumerable<IDatabaseMigration> migrations, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        foreach (var migration in migrations.OrderBy(m => m.Order))
        {
            LogMigrating(migration.ModuleName);
            await migration.MigrateAsync(ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating the {Module} schema")]
    private partial void LogMigrating(string module);
}
