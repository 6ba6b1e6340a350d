using Marketplace.Platform.Audit;
using Marketplace.Platform.Audit.TreeHeads;
using Npgsql;

namespace Marketplace.Bench.Audit;

/// <summary>Verifies a log from scratch up to a signed head: every entry read, hashed and folded into the root.</summary>
internal static class FullVerification
{
    public static async Task<bool> RunAsync(NpgsqlDataSource dataSource, SignedTreeHead head, CancellationToken ct)
    {
        var frontier = new MerkleFrontier();
        var leafHash = new byte[MerkleHash.Size];
        await using var command = dataSource.CreateCommand("SELECT entry FROM audit.entries WHERE leaf_index < @size ORDER BY leaf_index");
        command.Parameters.AddWithValue("size", head.TreeSize);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            MerkleHash.LeafHash(reader.GetFieldValue<byte[]>(0), leafHash);
            frontier.Append(leafHash);
        }
        return frontier.Size == head.TreeSize && Convert.ToBase64String(frontier.RootHash()) == head.RootHash;
    }
}
