using Marketplace.Platform.Audit;

namespace Marketplace.UnitTests.Platform.Audit;

public sealed class MerkleFrontierTests
{
    private const int MaxSize = 300;

    private static readonly byte[][] LeafHashes = [.. ReferenceMerkle.Entries(MaxSize).Select(ReferenceMerkle.LeafHash)];

    [Fact]
    public void RootHash_EverySizeUpTo300_EqualsMerkleTreeRootHash()
    {
        var frontier = new MerkleFrontier();
        for (var n = 0; n <= MaxSize; n++)
        {
            Assert.Equal(n, frontier.Size);
            Assert.Equal(MerkleTree.RootHash(LeafHashes, n), frontier.RootHash());
            if (n < MaxSize)
            {
                frontier.Append(LeafHashes[n]);
            }
        }
    }

    [Fact]
    public void RootHash_EverySizeUpTo64_EqualsTheReferenceRecursion()
    {
        var entries = ReferenceMerkle.Entries(64);
        var frontier = new MerkleFrontier();
        for (var n = 0; n <= 64; n++)
        {
            Assert.Equal(ReferenceMerkle.Mth(entries[..n]), frontier.RootHash());
            if (n < 64)
            {
                frontier.Append(ReferenceMerkle.LeafHash(entries[n]));
            }
        }
    }

    [Fact]
    public void RootHash_CertificateTransparencyLeaves_IsThePublishedRootAtEverySize()
    {
        var frontier = new MerkleFrontier();
        foreach (var leafHash in CertificateTransparencyVectors.LeafHashes())
        {
            frontier.Append(leafHash);
            Assert.Equal(CertificateTransparencyVectors.Roots[frontier.Size - 1], Convert.ToHexStringLower(frontier.RootHash()));
        }
    }

    [Fact]
    public void WriteRootHash_AnySize_WritesTheRootHash()
    {
        var frontier = new MerkleFrontier();
        var written = new byte[MerkleHash.Size];
        for (var n = 0; n < 40; n++)
        {
            frontier.WriteRootHash(written);
            Assert.Equal(frontier.RootHash(), written);
            frontier.Append(LeafHashes[n]);
        }
    }

    [Fact]
    public void Append_WithCompletedList_ReportsEveryPerfectSubtreeTheLeafCompletesWithItsHash()
    {
        var frontier = new MerkleFrontier();
        for (var n = 1; n <= MaxSize; n++)
        {
            var completed = new List<SubtreeHash>();
            frontier.Append(LeafHashes[n - 1], completed);

            // Levels 0 .. trailing zeros of the new size, each subtree ending at the new leaf.
            Assert.Equal(Enumerable.Range(0, int.TrailingZeroCount(n) + 1), completed.Select(c => c.Subtree.Level));
            Assert.All(completed, c =>
            {
                Assert.Equal(n, c.Subtree.End);
                Assert.Equal(MerkleTree.RangeHash(LeafHashes, c.Subtree.Start, c.Subtree.End), c.Hash);
            });
        }
    }

    [Fact]
    public void Restore_FromTheSubtreeHashesOfAnySize_ContinuesWithTheSameRoots()
    {
        var frontier = new MerkleFrontier();
        for (var n = 0; n < 70; n++)
        {
            var restored = MerkleFrontier.Restore(n, frontier.SubtreeHashes());
            Assert.Equal(frontier.Size, restored.Size);
            Assert.Equal(frontier.RootHash(), restored.RootHash());

            restored.Append(LeafHashes[n]);
            frontier.Append(LeafHashes[n]);
            Assert.Equal(frontier.RootHash(), restored.RootHash());
        }
    }

    [Fact]
    public void SubtreeHashes_AnySize_AreTheRangeHashesOfSubtreesFor()
    {
        var frontier = new MerkleFrontier();
        for (var n = 0; n <= 100; n++)
        {
            var subtrees = MerkleFrontier.SubtreesFor(n);
            Assert.Equal(subtrees.Select(s => MerkleTree.RangeHash(LeafHashes, s.Start, s.End)), frontier.SubtreeHashes());
            frontier.Append(LeafHashes[n]);
        }
    }

    [Fact]
    public void SubtreesFor_Thirteen_IsEightFourAndOneLeftToRight()
    {
        Assert.Equal(
            [new PerfectSubtree(3, 0), new PerfectSubtree(2, 2), new PerfectSubtree(0, 12)],
            MerkleFrontier.SubtreesFor(13));
    }

    [Fact]
    public void SubtreesFor_Zero_IsEmpty()
    {
        Assert.Empty(MerkleFrontier.SubtreesFor(0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Append_LeafHashOfWrongLength_Throws(int length)
    {
        var frontier = new MerkleFrontier();

        Assert.Throws<ArgumentException>(() => frontier.Append(new byte[length]));
        Assert.Equal(0, frontier.Size);
    }

    [Fact]
    public void Restore_WrongNumberOfHashes_Throws()
    {
        Assert.Throws<ArgumentException>(() => MerkleFrontier.Restore(13, [new byte[32], new byte[32]]));
    }

    [Fact]
    public void PerfectSubtree_LevelAndIndex_GiveItsLeafRange()
    {
        var subtree = new PerfectSubtree(3, 5);

        Assert.Equal(8, subtree.Size);
        Assert.Equal(40, subtree.Start);
        Assert.Equal(48, subtree.End);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(63, 0)]
    [InlineData(0, -1)]
    [InlineData(62, 1)]
    public void PerfectSubtree_OutOfRange_Throws(int level, long index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerfectSubtree(level, index));
    }
}
