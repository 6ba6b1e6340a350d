namespace Marketplace.Platform.Persistence;

/// <summary>A module's schema migration, applied by the <c>migrate</c> command in <see cref="Order"/>.</summary>
public interface IDatabaseMigration
{
    string ModuleName { get; }

    int Order { get; }

    Task MigrateAsync(CancellationToken ct);
}
