using Npgsql;

namespace Marketplace.Platform.Persistence;

/// <summary>A module's schema migration, applied by the <c>migrate</c> command in <see cref="Order"/>.</summary>
public interface IDatabaseMigration
{
    string ModuleName { get; }

    int Order { get; }

    /// <summary>Creates or updates the module's schema, connected as the schemas' owner.</summary>
    Task MigrateAsync(NpgsqlDataSource owner, CancellationToken ct);

    /// <summary>SQL that grants the application's role (a quoted identifier) what it may do in the module's schema.</summary>
    string RuntimeGrants(string role);
}
