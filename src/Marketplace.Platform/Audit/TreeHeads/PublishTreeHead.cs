using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Platform.Audit.TreeHeads;

/// <summary>
/// Signs and stores a new tree head when the log grew by <see cref="AuditOptions.TreeHeadEveryEntries"/> entries
/// or <see cref="AuditOptions.TreeHeadEverySeconds"/> passed since the last one with entries added. Every head is
/// kept. Safe to run from several workers: a head for the same size is stored once.
/// </summary>
public sealed class PublishTreeHead(NpgsqlDataSource dataSource, TreeHeadSigner signer, TimeProvider clock, IOptions<AuditOptions> options)
{
    /// <returns>The new head, or null when none was due.</returns>
    public async Task<SignedTreeHead?> HandleAsync(bool force, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.size, s.root, h.tree_size, h.timestamp
            FROM audit.tree_state s
            LEFT JOIN LATERAL (SELECT tree_size, timestamp FROM audit.tree_heads ORDER BY tree_size DESC LIMIT 1) h ON true
            WHERE s.id = 1
            """);
        long size;
        byte[] root;
        long lastSize;
        DateTimeOffset lastAt;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            size = reader.GetInt64(0);
            root = reader.GetFieldValue<byte[]>(1);
            lastSize = reader.IsDBNull(2) ? 0 : reader.GetInt64(2);
            lastAt = reader.IsDBNull(3) ? DateTimeOffset.MinValue : reader.GetFieldValue<DateTimeOffset>(3);
        }
        var now = clock.GetUtcNow();
        var due = size > lastSize && (force
            || size - lastSize >= options.Value.TreeHeadEveryEntries
            || now - lastAt >= TimeSpan.FromSeconds(options.Value.TreeHeadEverySeconds));
        if (!due)
        {
            return null;
        }
        var head = signer.Sign(size, root, now);
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO audit.tree_heads (tree_size, root_hash, timestamp, key_id, jws)
            VALUES (@size, @root, @at, @kid, @jws) ON CONFLICT (tree_size) DO NOTHING
            """);
        insert.Parameters.AddWithValue("size", size);
        insert.Parameters.AddWithValue("root", root);
        insert.Parameters.AddWithValue("at", DateTimeOffset.FromUnixTimeMilliseconds(head.Timestamp));
        insert.Parameters.AddWithValue("kid", head.KeyId);
        insert.Parameters.AddWithValue("jws", head.Signature);
        return await insert.ExecuteNonQueryAsync(ct) == 1 ? head : null;
    }
}
