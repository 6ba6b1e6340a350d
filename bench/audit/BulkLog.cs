using System.Text;
using Marketplace.Platform.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Bench.Audit;

/// <summary>
/// Extends the log to a given size quickly, writing exactly what the sequencer writes (entries with their leaf
/// hashes, every completed subtree, the tree state) but straight from generated entries instead of the outbox.
/// </summary>
internal static class BulkLog
{
    public static async Task<(Dictionary<long, byte[]> Roots, long Size)> LoadAsync(
        NpgsqlDataSource dataSource, long existing, long target, long[] rootsAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var frontier = await RestoreAsync(connection, ct);
        if (frontier.Size != existing)
        {
            throw new InvalidOperationException($"Expected {existing} sequenced entries, found {frontier.Size}.");
        }
        var roots = new Dictionary<long, byte[]>();
        var completed = new List<SubtreeHash>(4);
        var organization = Guid.NewGuid();
        var organizations = new[] { organization };
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var subtreeWriter = new SubtreeBuffer();
        await using (var entries = await connection.BeginBinaryImportAsync(
            "COPY audit.entries (leaf_index, action, organizations, recorded_at, entry, leaf_hash) FROM STDIN (FORMAT BINARY)", ct))
        {
            var at = DateTimeOffset.UtcNow;
            while (frontier.Size < target)
            {
                var index = frontier.Size;
                var entry = Encoding.UTF8.GetBytes(
                    $"{{\"action\":\"download-link.issued\",\"actor\":{{\"organization\":\"{organization}\",\"subject\":\"bench-client\",\"type\":\"client\"}},\"decision\":\"allow\",\"objects\":[\"item:{index}\"],\"organizations\":[\"{organization}\"],\"policyVersion\":\"policy-7\",\"timestamp\":\"2026-11-23T00:00:00.000Z\"}}");
                var leafHash = MerkleHash.LeafHash(entry);
                completed.Clear();
                frontier.Append(leafHash, completed);
                await entries.StartRowAsync(ct);
                await entries.WriteAsync(index, NpgsqlDbType.Bigint, ct);
                await entries.WriteAsync("download-link.issued", NpgsqlDbType.Varchar, ct);
                await entries.WriteAsync(organizations, NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
                await entries.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await entries.WriteAsync(entry, NpgsqlDbType.Bytea, ct);
                await entries.WriteAsync(leafHash, NpgsqlDbType.Bytea, ct);
                subtreeWriter.AddRange(completed.Where(c => c.Subtree.Level > 0));
                if (rootsAt.Contains(frontier.Size))
                {
                    roots[frontier.Size] = frontier.RootHash();
                }
            }
            await entries.CompleteAsync(ct);
        }
        await subtreeWriter.CopyAsync(connection, ct);
        await using (var update = new NpgsqlCommand(
            "UPDATE audit.tree_state SET size = @size, root = @root, frontier = @frontier, updated_at = now() WHERE id = 1", connection, transaction))
        {
            update.Parameters.AddWithValue("size", frontier.Size);
            update.Parameters.AddWithValue("root", frontier.RootHash());
            update.Parameters.AddWithValue("frontier", frontier.SubtreeHashes().SelectMany(h => h).ToArray());
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        await using (var analyze = new NpgsqlCommand("ANALYZE audit.entries; ANALYZE audit.subtrees", connection))
        {
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return (roots, frontier.Size);
    }

    private static async Task<MerkleFrontier> RestoreAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT size, frontier FROM audit.tree_state WHERE id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return MerkleFrontier.Restore(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1).Chunk(MerkleHash.Size).ToList());
    }

    /// <summary>Subtree rows kept until the entries are written (one COPY at a time per connection).</summary>
    private sealed class SubtreeBuffer
    {
        private readonly List<SubtreeHash> _rows = [];

        public void AddRange(IEnumerable<SubtreeHash> rows) => _rows.AddRange(rows);

        public async Task CopyAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            await using var writer = await connection.BeginBinaryImportAsync("COPY audit.subtrees (level, idx, hash) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in _rows)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync((short)row.Subtree.Level, NpgsqlDbType.Smallint, ct);
                await writer.WriteAsync(row.Subtree.Index, NpgsqlDbType.Bigint, ct);
                await writer.WriteAsync(row.Hash, NpgsqlDbType.Bytea, ct);
            }
            await writer.CompleteAsync(ct);
            _rows.Clear();
        }
    }
}
