using Marketplace.Platform.Audit.Persistence;
using Marketplace.Platform.Audit.TreeHeads;
using Npgsql;

namespace Marketplace.Platform.Audit;

/// <summary>One sequenced entry as the log serves it: its leaf index and canonical bytes.</summary>
public sealed record LogEntry(long LeafIndex, byte[] Entry);

/// <summary>Reads the audit log: tree heads, entries and proofs (RFC 9162 sections 2.1.3 and 2.1.4).</summary>
public sealed class AuditLogReader(NpgsqlDataSource dataSource, PostgresSubtreeHashSource subtrees)
{
    public async Task<long> SizeAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT size FROM audit.tree_state WHERE id = 1");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public Task<SignedTreeHead?> LatestTreeHeadAsync(CancellationToken ct) =>
        TreeHeadAsync("SELECT tree_size, root_hash, timestamp, key_id, jws FROM audit.tree_heads ORDER BY tree_size DESC LIMIT 1", null, ct);

    public Task<SignedTreeHead?> TreeHeadAsync(long treeSize, CancellationToken ct) =>
        TreeHeadAsync("SELECT tree_size, root_hash, timestamp, key_id, jws FROM audit.tree_heads WHERE tree_size = @size", treeSize, ct);

    /// <summary>Signed tree heads of size <paramref name="from"/> or more, smallest first.</summary>
    public async Task<IReadOnlyList<SignedTreeHead>> TreeHeadsAsync(long from, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT tree_size, root_hash, timestamp, key_id, jws FROM audit.tree_heads WHERE tree_size >= @from ORDER BY tree_size LIMIT @limit");
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var heads = new List<SignedTreeHead>();
        while (await reader.ReadAsync(ct))
        {
            heads.Add(Read(reader));
        }
        return heads;
    }

    /// <summary>Entries [start, end) in leaf order; with <paramref name="organization"/>, only those about it.</summary>
    public async Task<IReadOnlyList<LogEntry>> EntriesAsync(long start, long end, Guid? organization, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(organization is null
            ? "SELECT leaf_index, entry FROM audit.entries WHERE leaf_index >= @start AND leaf_index < @end ORDER BY leaf_index"
            : "SELECT leaf_index, entry FROM audit.entries WHERE leaf_index >= @start AND leaf_index < @end AND organizations @> ARRAY[@organization] ORDER BY leaf_index");
        command.Parameters.AddWithValue("start", start);
        command.Parameters.AddWithValue("end", end);
        if (organization is { } id)
        {
            command.Parameters.AddWithValue("organization", id);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<LogEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new LogEntry(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
        }
        return entries;
    }

    public ValueTask<IReadOnlyList<byte[]>> InclusionProofAsync(long leafIndex, long treeSize, CancellationToken ct) =>
        MerkleTree.InclusionProofAsync(subtrees, leafIndex, treeSize, ct);

    public ValueTask<IReadOnlyList<byte[]>> ConsistencyProofAsync(long first, long second, CancellationToken ct) =>
        MerkleTree.ConsistencyProofAsync(subtrees, first, second, ct);

    public ValueTask<byte[]> RootHashAsync(long treeSize, CancellationToken ct) => MerkleTree.RootHashAsync(subtrees, treeSize, ct);

    private async Task<SignedTreeHead?> TreeHeadAsync(string sql, long? treeSize, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (treeSize is { } size)
        {
            command.Parameters.AddWithValue("size", size);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static SignedTreeHead Read(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), Convert.ToBase64String(reader.GetFieldValue<byte[]>(1)),
            reader.GetFieldValue<DateTimeOffset>(2).ToUnixTimeMilliseconds(), reader.GetString(3), reader.GetString(4));
}
