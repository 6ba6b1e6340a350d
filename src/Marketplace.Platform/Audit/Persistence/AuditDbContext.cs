using Microsoft.EntityFrameworkCore;

namespace Marketplace.Platform.Audit.Persistence;

/// <summary>
/// The audit log's tables (schema <c>audit</c>). Used for migrations and simple reads; the append and proof paths
/// use Npgsql directly. The application's role may only insert into and read the log's tables.
/// </summary>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public const string Schema = "audit";

    public DbSet<EntryRecord> Entries => Set<EntryRecord>();

    public DbSet<TreeHeadRecord> TreeHeads => Set<TreeHeadRecord>();

    public DbSet<TreeStateRecord> TreeState => Set<TreeStateRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuditDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.EntryConfiguration).Namespace);
    }

    /// <summary>What the application's role may do: append to and read the log, never change or remove it.</summary>
    public static string RuntimeGrants(string role) => $"""
        GRANT USAGE ON SCHEMA audit TO {role};
        REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM {role};
        GRANT SELECT, INSERT ON audit.entries, audit.subtrees, audit.tree_heads TO {role};
        GRANT SELECT, INSERT, DELETE ON audit.pending TO {role};
        GRANT SELECT, UPDATE ON audit.tree_state TO {role};
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA audit TO {role};
        """;
}
