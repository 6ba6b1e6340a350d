using System.Numerics;

namespace Marketplace.Platform.Audit;

/// <summary>
/// The leaves [<see cref="Start"/>, <see cref="End"/>) of one node of the RFC 9162 section 2.1.1 tree. Its MTH
/// folds the perfect subtrees given by the set bits of its size, largest (leftmost) first, from the right:
/// MTH = NodeHash(h0, NodeHash(h1, … h_last)). For a node of the log's tree, each of these subtrees is aligned.
/// </summary>
internal readonly record struct MerkleRange(long Start, long End)
{
    public long Size => End - Start;

    /// <summary>How many perfect subtrees <see cref="AddSubtrees"/> yields.</summary>
    public int SubtreeCount => BitOperations.PopCount((ulong)Size);

    /// <summary>Adds the perfect subtrees covering this range, leftmost (largest) first.</summary>
    public void AddSubtrees(List<PerfectSubtree> subtrees)
    {
        var position = Start;
        for (var level = PerfectSubtree.MaxLevel; level >= 0; level--)
        {
            if (((Size >> level) & 1) != 0)
            {
                subtrees.Add(new PerfectSubtree(level, position >> level));
                position += 1L << level;
            }
        }
    }

    /// <summary>The k of RFC 9162 section 2.1.1: the largest power of two smaller than <paramref name="n"/> (n &gt; 1).</summary>
    public static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
