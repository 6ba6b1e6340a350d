using System.Globalization;
using Npgsql;

namespace Marketplace.Bench.Catalog;

/// <summary>
/// Which indexes of <c>catalog.items</c> a run used, per search, from PostgreSQL's cumulative statistics: the plans
/// the API's connections chose and those of the direct SQL can then be compared. Backends publish their counts up to
/// 10 s after going idle, so a snapshot waits for that first.
/// </summary>
internal static class IndexUsage
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(11);

    public static async Task<Dictionary<string, long>> SnapshotAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await Task.Delay(Settle, ct);
        await using var command = dataSource.CreateCommand(
            "SELECT indexrelname, idx_scan FROM pg_stat_user_indexes WHERE schemaname = 'catalog' AND relname = 'items'");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>Index scans per search between two snapshots, largest first, e.g. "IX_items_geometry 1.00, ix_items_keyset 0.02".</summary>
    public static string PerSearch(Dictionary<string, long> before, Dictionary<string, long> after, int searches)
    {
        var used = after.Select(a => (Name: a.Key, Scans: a.Value - before.GetValueOrDefault(a.Key)))
            .Where(u => u.Scans > 0).OrderByDescending(u => u.Scans).ToList();
        return used.Count == 0 || searches == 0
            ? "no index scans"
            : string.Join(", ", used.Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Name} {u.Scans / (double)searches:0.00}")));
    }
}
