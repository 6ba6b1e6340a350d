namespace Marketplace.Platform.Audit;

/// <summary>
/// The right edge of a growing RFC 9162 section 2.1.1 tree: the roots of the perfect subtrees that cover leaves
/// [0, <see cref="Size"/>), one per set bit of the size (a compact range starting at 0). Appending a leaf hash
/// merges equal-sized subtrees like a binary counter, one node hash per merge, so O(1) amortised and at most 62;
/// the root folds at most 63 subtree roots. Used on the append path (its merges are exactly the completed
/// subtrees a store keeps) and to recompute the root of a whole log in one pass. Not thread-safe.
/// </summary>
public sealed class MerkleFrontier
{
    private const int LevelCount = PerfectSubtree.MaxLevel + 1;

    /// <summary>The root of the subtree at level L lives at [L·32, L·32 + 32) when bit L of the size is set.</summary>
    private readonly byte[] _roots = new byte[LevelCount * MerkleHash.Size];

    /// <summary>The number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>Appends one 32-byte leaf hash.</summary>
    public void Append(ReadOnlySpan<byte> leafHash) => AppendCore(leafHash, completed: null);

    /// <summary>
    /// Appends one 32-byte leaf hash and adds to <paramref name="completed"/> every perfect subtree the leaf
    /// completes, smallest first: the leaf itself (level 0), then one per merge. A store that inserts these rows
    /// holds every completed subtree, which is what <see cref="ISubtreeHashSource"/> reads.
    /// </summary>
    public void Append(ReadOnlySpan<byte> leafHash, ICollection<SubtreeHash> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        AppendCore(leafHash, completed);
    }

    /// <summary>MTH of the leaves appended so far (RFC 9162 section 2.1.1); the empty-tree hash when there are none.</summary>
    public byte[] RootHash()
    {
        var root = new byte[MerkleHash.Size];
        WriteRootHash(root);
        return root;
    }

    /// <summary>Writes the current root (see <see cref="RootHash"/>) to <paramref name="destination"/>, without allocating.</summary>
    public void WriteRootHash(Span<byte> destination)
    {
        if (destination.Length < MerkleHash.Size)
        {
            throw new ArgumentException($"The destination must hold {MerkleHash.Size} bytes.", nameof(destination));
        }
        if (Size == 0)
        {
            MerkleHash.EmptyRoot.CopyTo(destination);
            return;
        }

        // Fold from the right: the smallest subtree is the rightmost, and each larger one is its left sibling.
        var hash = destination[..MerkleHash.Size];
        var found = false;
        for (var level = 0; level < LevelCount; level++)
        {
            if (((Size >> level) & 1) == 0)
            {
                continue;
            }
            if (found)
            {
                MerkleHash.NodeHash(Root(level), hash, hash);
            }
            else
            {
                Root(level).CopyTo(hash);
                found = true;
            }
        }
    }

    /// <summary>The hashes of <see cref="SubtreesFor"/>(<see cref="Size"/>), in that order: what <see cref="Restore"/> takes.</summary>
    public IReadOnlyList<byte[]> SubtreeHashes()
    {
        var hashes = new List<byte[]>();
        for (var level = PerfectSubtree.MaxLevel; level >= 0; level--)
        {
            if (((Size >> level) & 1) != 0)
            {
                hashes.Add(Root(level).ToArray());
            }
        }
        return hashes;
    }

    /// <summary>The perfect subtrees covering leaves [0, <paramref name="size"/>), leftmost (largest) first.</summary>
    public static IReadOnlyList<PerfectSubtree> SubtreesFor(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var subtrees = new List<PerfectSubtree>();
        new MerkleRange(0, size).AddSubtrees(subtrees);
        return subtrees;
    }

    /// <summary>
    /// A frontier for a log of <paramref name="size"/> leaves from the stored hashes of
    /// <see cref="SubtreesFor"/>(<paramref name="size"/>), in that order, so appending can resume after a restart.
    /// </summary>
    public static MerkleFrontier Restore(long size, IReadOnlyList<byte[]> subtreeHashes)
    {
        ArgumentNullException.ThrowIfNull(subtreeHashes);
        var subtrees = SubtreesFor(size);
        if (subtreeHashes.Count != subtrees.Count)
        {
            throw new ArgumentException(
                $"A log of {size} leaves has {subtrees.Count} frontier subtrees, not {subtreeHashes.Count}.",
                nameof(subtreeHashes));
        }

        var frontier = new MerkleFrontier { Size = size };
        for (var i = 0; i < subtrees.Count; i++)
        {
            if (subtreeHashes[i] is not { Length: MerkleHash.Size } hash)
            {
                throw new ArgumentException($"Subtree hash {i} is not {MerkleHash.Size} bytes.", nameof(subtreeHashes));
            }
            hash.CopyTo(frontier.Root(subtrees[i].Level));
        }
        return frontier;
    }

    private Span<byte> Root(int level) => _roots.AsSpan(level * MerkleHash.Size, MerkleHash.Size);

    private void AppendCore(ReadOnlySpan<byte> leafHash, ICollection<SubtreeHash>? completed)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash must be {MerkleHash.Size} bytes.", nameof(leafHash));
        }
        if (Size == long.MaxValue)
        {
            throw new InvalidOperationException("The log is full.");
        }

        var newSize = Size + 1;
        Span<byte> carry = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(carry);
        completed?.Add(new SubtreeHash(new PerfectSubtree(0, Size), carry.ToArray()));

        var level = 0;
        while (((Size >> level) & 1) != 0)
        {
            MerkleHash.NodeHash(Root(level), carry, carry);
            level++;
            completed?.Add(new SubtreeHash(new PerfectSubtree(level, (newSize >> level) - 1), carry.ToArray()));
        }
        carry.CopyTo(Root(level));
        Size = newSize;
    }
}
