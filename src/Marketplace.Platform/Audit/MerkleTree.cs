namespace Marketplace.Platform.Audit;

/// <summary>
/// The Merkle Tree Hash, inclusion proofs and consistency proofs of RFC 9162 sections 2.1.1, 2.1.3.1 and 2.1.4.1,
/// over leaf hashes (<c>SHA-256(0x00 || entry)</c>, see <see cref="MerkleHash.LeafHash(ReadOnlySpan{byte})"/>).
/// Each proof element is the MTH of one node of the tree; the node list is planned first (pure arithmetic on the
/// sizes) and its hashes are then either computed from leaf hashes in memory or read, one batch per call, from an
/// <see cref="ISubtreeHashSource"/> that keeps the hashes of completed perfect subtrees.
/// </summary>
public static class MerkleTree
{
    /// <summary>MTH(D[0:n]) of RFC 9162 section 2.1.1 over the first <paramref name="treeSize"/> leaf hashes.</summary>
    public static byte[] RootHash(IReadOnlyList<byte[]> leafHashes, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, leafHashes.Count);
        return RangeHash(leafHashes, 0, treeSize);
    }

    /// <summary>
    /// MTH(D[start:end]) of RFC 9162 section 2.1.1: the empty-tree hash for no leaves, the leaf hash for one, and
    /// otherwise NodeHash(MTH(D[start:start+k]), MTH(D[start+k:end])) with k the largest power of two smaller
    /// than the number of leaves.
    /// </summary>
    public static byte[] RangeHash(IReadOnlyList<byte[]> leafHashes, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, leafHashes.Count);
        var hash = new byte[MerkleHash.Size];
        if (start == end)
        {
            MerkleHash.EmptyRoot.CopyTo(hash);
        }
        else
        {
            WriteRangeHash(leafHashes, (int)start, (int)end, hash);
        }
        return hash;
    }

    /// <summary>
    /// PATH(m, D[0:n]) of RFC 9162 section 2.1.3.1: the sibling hashes from the leaf at <paramref name="leafIndex"/>
    /// up to the root of the tree of <paramref name="treeSize"/> leaves, leaf side first. Requires 0 ≤ m &lt; n.
    /// </summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long leafIndex, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        RequireInclusionArguments(leafIndex, treeSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, leafHashes.Count);
        return HashNodes(leafHashes, InclusionNodes(leafIndex, treeSize));
    }

    /// <summary>
    /// PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true) of RFC 9162 section 2.1.4.1: the node hashes proving that the
    /// tree of <paramref name="first"/> leaves is a prefix of the tree of <paramref name="second"/> leaves.
    /// Requires 0 &lt; m &lt; n, as the RFC does; two equal sizes are consistent exactly when their roots are equal.
    /// </summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long first, long second)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        RequireConsistencyArguments(first, second);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(second, leafHashes.Count);
        return HashNodes(leafHashes, ConsistencyNodes(first, second));
    }

    /// <summary>MTH(D[0:n]) (RFC 9162 section 2.1.1) from the stored hashes of at most 63 perfect subtrees.</summary>
    public static async ValueTask<byte[]> RootHashAsync(ISubtreeHashSource source, long treeSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (treeSize == 0)
        {
            return MerkleHash.EmptyRoot.ToArray();
        }
        var hashes = await ReadNodesAsync(source, [new MerkleRange(0, treeSize)], ct);
        return hashes[0];
    }

    /// <summary>PATH(m, D[0:n]) of RFC 9162 section 2.1.3.1 from stored subtree hashes: O(log n) reads in one batch.</summary>
    public static ValueTask<IReadOnlyList<byte[]>> InclusionProofAsync(
        ISubtreeHashSource source, long leafIndex, long treeSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        RequireInclusionArguments(leafIndex, treeSize);
        return ReadNodesAsync(source, InclusionNodes(leafIndex, treeSize), ct);
    }

    /// <summary>PROOF(m, D[0:n]) of RFC 9162 section 2.1.4.1 from stored subtree hashes: O(log n) reads in one batch.</summary>
    public static ValueTask<IReadOnlyList<byte[]>> ConsistencyProofAsync(
        ISubtreeHashSource source, long first, long second, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        RequireConsistencyArguments(first, second);
        return ReadNodesAsync(source, ConsistencyNodes(first, second), ct);
    }

    /// <summary>
    /// The nodes whose MTH make up PATH(m, D[0:n]), in proof order. The RFC recursion
    /// PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) for m &lt; k, and PATH(m - k, D[k:n]) : MTH(D[0:k]) otherwise,
    /// walked from the root down, so the siblings come out root side first and are reversed at the end.
    /// </summary>
    internal static List<MerkleRange> InclusionNodes(long leafIndex, long treeSize)
    {
        var nodes = new List<MerkleRange>(64);
        long start = 0, end = treeSize;
        while (end - start > 1)
        {
            var k = MerkleRange.LargestPowerOfTwoBelow(end - start);
            if (leafIndex < start + k)
            {
                nodes.Add(new MerkleRange(start + k, end));
                end = start + k;
            }
            else
            {
                nodes.Add(new MerkleRange(start, start + k));
                start += k;
            }
        }
        nodes.Reverse();
        return nodes;
    }

    /// <summary>
    /// The nodes whose MTH make up SUBPROOF(m, D[0:n], true), in proof order. The RFC recursion, walked from the
    /// root down: with k the largest power of two smaller than the node size, m ≤ k recurses left keeping b and
    /// appends MTH(D[k:n]); m &gt; k recurses right with b = false and appends MTH(D[0:k]); at m = n the node itself
    /// is the first element when b is false and nothing when b is true.
    /// </summary>
    internal static List<MerkleRange> ConsistencyNodes(long first, long second)
    {
        var nodes = new List<MerkleRange>(64);
        long start = 0, end = second;
        var startFromOldRoot = true;
        while (first - start != end - start)
        {
            var k = MerkleRange.LargestPowerOfTwoBelow(end - start);
            if (first - start <= k)
            {
                nodes.Add(new MerkleRange(start + k, end));
                end = start + k;
            }
            else
            {
                nodes.Add(new MerkleRange(start, start + k));
                start += k;
                startFromOldRoot = false;
            }
        }
        if (!startFromOldRoot)
        {
            nodes.Add(new MerkleRange(start, end));
        }
        nodes.Reverse();
        return nodes;
    }

    private static void RequireInclusionArguments(long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
    }

    private static void RequireConsistencyArguments(long first, long second)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(first, second);
    }

    private static List<byte[]> HashNodes(IReadOnlyList<byte[]> leafHashes, List<MerkleRange> nodes)
    {
        var hashes = new List<byte[]>(nodes.Count);
        foreach (var node in nodes)
        {
            var hash = new byte[MerkleHash.Size];
            WriteRangeHash(leafHashes, (int)node.Start, (int)node.End, hash);
            hashes.Add(hash);
        }
        return hashes;
    }

    /// <summary>The recursion of RFC 9162 section 2.1.1 for a non-empty range, without allocating.</summary>
    private static void WriteRangeHash(IReadOnlyList<byte[]> leafHashes, int start, int end, Span<byte> destination)
    {
        if (end - start == 1)
        {
            var leaf = leafHashes[start];
            if (leaf is not { Length: MerkleHash.Size })
            {
                throw new ArgumentException($"Leaf hash {start} is not {MerkleHash.Size} bytes.", nameof(leafHashes));
            }
            leaf.CopyTo(destination);
            return;
        }

        var k = (int)MerkleRange.LargestPowerOfTwoBelow(end - start);
        Span<byte> children = stackalloc byte[2 * MerkleHash.Size];
        WriteRangeHash(leafHashes, start, start + k, children[..MerkleHash.Size]);
        WriteRangeHash(leafHashes, start + k, end, children[MerkleHash.Size..]);
        MerkleHash.NodeHash(children[..MerkleHash.Size], children[MerkleHash.Size..], destination);
    }

    /// <summary>Reads the perfect subtrees of every node in one batch and folds each node's hash from them.</summary>
    private static async ValueTask<IReadOnlyList<byte[]>> ReadNodesAsync(
        ISubtreeHashSource source, List<MerkleRange> nodes, CancellationToken ct)
    {
        var subtrees = new List<PerfectSubtree>(nodes.Count * 2);
        foreach (var node in nodes)
        {
            node.AddSubtrees(subtrees);
        }

        var stored = await source.GetSubtreeHashesAsync(subtrees, ct);
        if (stored is null || stored.Count != subtrees.Count)
        {
            throw new InvalidOperationException(
                $"The subtree hash source returned {stored?.Count ?? 0} hashes for {subtrees.Count} subtrees.");
        }

        var hashes = new List<byte[]>(nodes.Count);
        var offset = 0;
        foreach (var node in nodes)
        {
            var count = node.SubtreeCount;
            hashes.Add(FoldFromRight(stored, subtrees, offset, count));
            offset += count;
        }
        return hashes;
    }

    /// <summary>NodeHash(h[0], NodeHash(h[1], … h[count-1])): the MTH of a node from its perfect subtrees.</summary>
    private static byte[] FoldFromRight(IReadOnlyList<byte[]> stored, List<PerfectSubtree> subtrees, int offset, int count)
    {
        var hash = new byte[MerkleHash.Size];
        RequireStoredHash(stored, subtrees, offset + count - 1).CopyTo(hash, 0);
        for (var i = offset + count - 2; i >= offset; i--)
        {
            MerkleHash.NodeHash(RequireStoredHash(stored, subtrees, i), hash, hash);
        }
        return hash;
    }

    private static byte[] RequireStoredHash(IReadOnlyList<byte[]> stored, List<PerfectSubtree> subtrees, int i)
    {
        var hash = stored[i];
        return hash is { Length: MerkleHash.Size }
            ? hash
            : throw new InvalidOperationException($"The stored hash of {subtrees[i]} is not {MerkleHash.Size} bytes.");
    }
}
