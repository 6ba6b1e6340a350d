using Npgsql;

namespace Marketplace.Bench.Audit;

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

    public static async Task<string> SettingsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')");
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
