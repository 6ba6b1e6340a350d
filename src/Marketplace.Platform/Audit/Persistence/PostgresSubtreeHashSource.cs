using Npgsql;

namespace Marketplace.Platform.Audit.Persistence;

/// <summary>Reads stored subtree hashes in one query: leaf hashes from the entries, larger subtrees from audit.subtrees.</summary>
public sealed class PostgresSubtreeHashSource(NpgsqlDataSource dataSource) : ISubtreeHashSource
{
    private const string Sql = """
        SELECT coalesce(e.leaf_hash, s.hash)
        FROM unnest(@levels, @indexes) WITH ORDINALITY AS r(level, idx, position)
        LEFT JOIN audit.entries e ON r.level = 0 AND e.leaf_index = r.idx
        LEFT JOIN audit.subtrees s ON r.level > 0 AND s.level = r.level AND s.idx = r.idx
        ORDER BY r.position
        """;

    public async ValueTask<IReadOnlyList<byte[]>> GetSubtreeHashesAsync(IReadOnlyList<PerfectSubtree> subtrees, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("levels", subtrees.Select(s => (short)s.Level).ToArray());
        command.Parameters.AddWithValue("indexes", subtrees.Select(s => s.Index).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hashes = new List<byte[]>(subtrees.Count);
        while (await reader.ReadAsync(ct))
        {
            hashes.Add(reader.IsDBNull(0)
                ? throw new InvalidOperationException($"Subtree {subtrees[hashes.Count]} is not stored.")
                : reader.GetFieldValue<byte[]>(0));
        }
        return hashes;
    }
}
