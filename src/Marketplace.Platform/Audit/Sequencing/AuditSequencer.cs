using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Platform.Audit.Sequencing;

/// <summary>
/// Gives recorded events their place in the log: in one transaction it locks the tree state (so every process
/// sees one total order), takes pending events in recording order, appends their leaf hashes to the frontier,
/// stores the entries and every completed subtree, removes them from pending and saves the new size and root.
/// A crash at any point rolls the whole step back; nothing is lost or sequenced twice.
/// </summary>
public sealed class AuditSequencer(NpgsqlDataSource dataSource, IOptions<AuditOptions> options)
{
    private sealed record Pending(long Id, string Action, Guid[] Organizations, DateTimeOffset RecordedAt, byte[] Entry);

    /// <returns>How many entries were added to the log.</returns>
    public async Task<int> SequenceAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (size, frontierBytes) = await LockStateAsync(connection, transaction, ct);
        var pending = await ReadPendingAsync(connection, transaction, ct);
        if (pending.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }

        var frontier = MerkleFrontier.Restore(size, Split(frontierBytes));
        var completed = new List<SubtreeHash>(pending.Count * 2);
        await using (var entries = await connection.BeginBinaryImportAsync(
            "COPY audit.entries (leaf_index, action, organizations, recorded_at, entry, leaf_hash) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in pending)
            {
                var leafHash = MerkleHash.LeafHash(p.Entry);
                var leafIndex = frontier.Size;
                frontier.Append(leafHash, completed);
                await entries.StartRowAsync(ct);
                await entries.WriteAsync(leafIndex, NpgsqlDbType.Bigint, ct);
                await entries.WriteAsync(p.Action, NpgsqlDbType.Varchar, ct);
                await entries.WriteAsync(p.Organizations, NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
                await entries.WriteAsync(p.RecordedAt, NpgsqlDbType.TimestampTz, ct);
                await entries.WriteAsync(p.Entry, NpgsqlDbType.Bytea, ct);
                await entries.WriteAsync(leafHash, NpgsqlDbType.Bytea, ct);
            }
            await entries.CompleteAsync(ct);
        }
        await using (var subtrees = await connection.BeginBinaryImportAsync(
            "COPY audit.subtrees (level, idx, hash) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var subtree in completed.Where(c => c.Subtree.Level > 0))
            {
                await subtrees.StartRowAsync(ct);
                await subtrees.WriteAsync((short)subtree.Subtree.Level, NpgsqlDbType.Smallint, ct);
                await subtrees.WriteAsync(subtree.Subtree.Index, NpgsqlDbType.Bigint, ct);
                await subtrees.WriteAsync(subtree.Hash, NpgsqlDbType.Bytea, ct);
            }
            await subtrees.CompleteAsync(ct);
        }
        await using (var update = new NpgsqlCommand(
            "DELETE FROM audit.pending WHERE id = ANY(@ids); " +
            "UPDATE audit.tree_state SET size = @size, root = @root, frontier = @frontier, updated_at = now() WHERE id = 1",
            connection, transaction))
        {
            update.Parameters.AddWithValue("ids", pending.Select(p => p.Id).ToArray());
            update.Parameters.AddWithValue("size", frontier.Size);
            update.Parameters.AddWithValue("root", frontier.RootHash());
            update.Parameters.AddWithValue("frontier", frontier.SubtreeHashes().SelectMany(h => h).ToArray());
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return pending.Count;
    }

    private static async Task<(long Size, byte[] Frontier)> LockStateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT size, frontier FROM audit.tree_state WHERE id = 1 FOR UPDATE", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException("The audit log's tree state is missing: run the migrate command.");
        }
        return (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }

    private async Task<List<Pending>> ReadPendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, action, organizations, recorded_at, entry FROM audit.pending ORDER BY id LIMIT @limit", connection, transaction);
        command.Parameters.AddWithValue("limit", options.Value.SequencerBatchSize);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var pending = new List<Pending>();
        while (await reader.ReadAsync(ct))
        {
            pending.Add(new Pending(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<Guid[]>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<byte[]>(4)));
        }
        return pending;
    }

    private static List<byte[]> Split(byte[] concatenated) =>
        concatenated.Chunk(MerkleHash.Size).ToList();
}
