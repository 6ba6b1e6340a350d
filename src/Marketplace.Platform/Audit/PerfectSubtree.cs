namespace Marketplace.Platform.Audit;

/// <summary>
/// A perfect subtree of the log: the balanced tree over the 2^<see cref="Level"/> leaves starting at leaf
/// <see cref="Index"/> × 2^<see cref="Level"/>. Level 0 is a single leaf. Every interior node of the RFC 9162
/// section 2.1.1 tree is either such a subtree or a right-edge node whose hash folds a few of them (largest first),
/// so a store that keeps the hash of every completed (level, index) pair answers the MTH of any node, and every
/// proof of RFC 9162 sections 2.1.3 and 2.1.4, by reading O(log n) hashes.
/// </summary>
public readonly record struct PerfectSubtree
{
    /// <summary>The largest level a tree addressed by <see cref="long"/> leaf indices can hold.</summary>
    public const int MaxLevel = 62;

    /// <summary>Creates the subtree of 2^<paramref name="level"/> leaves at position <paramref name="index"/> of that level.</summary>
    public PerfectSubtree(int level, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, (long.MaxValue >> level) - 1);
        Level = level;
        Index = index;
    }

    /// <summary>The height of the subtree: it holds 2^Level leaves.</summary>
    public int Level { get; }

    /// <summary>The position of the subtree among the subtrees of the same level, from the left.</summary>
    public long Index { get; }

    /// <summary>The number of leaves, 2^<see cref="Level"/>.</summary>
    public long Size => 1L << Level;

    /// <summary>The index of the first leaf.</summary>
    public long Start => Index << Level;

    /// <summary>One past the index of the last leaf.</summary>
    public long End => (Index + 1) << Level;
}
