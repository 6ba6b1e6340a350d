namespace Marketplace.Platform.Audit;

/// <summary>
/// Where <see cref="MerkleTree"/> reads stored hashes from when it computes roots and proofs (RFC 9162 sections
/// 2.1.1, 2.1.3.1 and 2.1.4.1) without holding the log in memory. A level-0 subtree is a leaf hash; a store that
/// keeps every completed perfect subtree (see <see cref="MerkleFrontier.Append(ReadOnlySpan{byte}, ICollection{SubtreeHash})"/>)
/// answers a root or a proof over any tree size with O(log n) reads.
/// </summary>
public interface ISubtreeHashSource
{
    /// <summary>
    /// Returns the 32-byte hash of each requested subtree, in the order requested. <see cref="MerkleTree"/> asks
    /// once per root or proof, at most a few dozen subtrees, all complete within the tree size being served, so
    /// a database can answer with one query.
    /// </summary>
    ValueTask<IReadOnlyList<byte[]>> GetSubtreeHashesAsync(IReadOnlyList<PerfectSubtree> subtrees, CancellationToken ct);
}
