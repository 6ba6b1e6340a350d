using Npgsql;

namespace Marketplace.Bench.Catalog;

/// <summary>The benchmark's own database, created fresh and dropped at the end.</summary>
internal static class BenchDatabase
{
    public static string For(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, CommandTimeout = 0 }.ConnectionString;

    public static async Task RecreateAsync(string admin, string database, CancellationToken ct)
    {
        await DropAsync(admin, database, ct);
        await ExecuteAsync(admin, $"CREATE DATABASE {database} OWNER marketplace", ct);
    }

    public static Task DropAsync(string admin, string database, CancellationToken ct) =>
        ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", ct);

    /// <summary>Runs a statement in the given database as the superuser (VACUUM, CHECKPOINT).</summary>
    public static Task ExecuteInAsync(string admin, string database, string sql, CancellationToken ct) =>
        ExecuteAsync(For(admin, database), sql, ct);

    public static async Task<string> SettingsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')" +
            " || ', shared_buffers=' || current_setting('shared_buffers')");
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<string> SizeAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT pg_size_pretty(pg_table_size('catalog.items')) || ' table, ' || pg_size_pretty(pg_indexes_size('catalog.items')) || ' indexes'");
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
