using Marketplace.Platform.Audit;

namespace Marketplace.UnitTests.Platform.Audit;

public sealed class MerkleTreeTests
{
    private const int MaxSize = 64;

    private static readonly byte[][] Entries = ReferenceMerkle.Entries(MaxSize);
    private static readonly byte[][] LeafHashes = [.. Entries.Select(ReferenceMerkle.LeafHash)];

    [Fact]
    public void RootHash_NoLeaves_IsTheEmptyRoot()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            Convert.ToHexStringLower(MerkleTree.RootHash([], 0)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void RootHash_CertificateTransparencyLeaves_IsThePublishedRoot(int treeSize)
    {
        var root = MerkleTree.RootHash(CertificateTransparencyVectors.LeafHashes(), treeSize);

        Assert.Equal(CertificateTransparencyVectors.Roots[treeSize - 1], Convert.ToHexStringLower(root));
    }

    [Theory]
    [MemberData(nameof(CertificateTransparencyVectors.InclusionProofs), MemberType = typeof(CertificateTransparencyVectors))]
    public void InclusionProof_CertificateTransparencyVector_IsThePublishedPath(long leafIndex, long treeSize, string[] expected)
    {
        var proof = MerkleTree.InclusionProof(CertificateTransparencyVectors.LeafHashes(), leafIndex, treeSize);

        Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
    }

    [Theory]
    [MemberData(nameof(CertificateTransparencyVectors.ConsistencyProofs), MemberType = typeof(CertificateTransparencyVectors))]
    public void ConsistencyProof_CertificateTransparencyVector_IsThePublishedProof(long first, long second, string[] expected)
    {
        var proof = MerkleTree.ConsistencyProof(CertificateTransparencyVectors.LeafHashes(), first, second);

        Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
    }

    [Fact]
    public void RootHash_EverySizeUpTo64_MatchesTheReferenceRecursion()
    {
        for (var n = 0; n <= MaxSize; n++)
        {
            Assert.Equal(ReferenceMerkle.Mth(Entries[..n]), MerkleTree.RootHash(LeafHashes, n));
        }
    }

    [Fact]
    public void RangeHash_EveryRangeUpTo64_MatchesTheReferenceRecursionOverTheSublist()
    {
        for (var start = 0; start <= MaxSize; start++)
        {
            for (var end = start; end <= MaxSize; end++)
            {
                Assert.Equal(ReferenceMerkle.Mth(Entries[start..end]), MerkleTree.RangeHash(LeafHashes, start, end));
            }
        }
    }

    [Fact]
    public void InclusionProof_EveryLeafOfEverySizeUpTo64_MatchesTheReferencePath()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            for (var m = 0; m < n; m++)
            {
                Assert.Equal(ReferenceMerkle.Path(m, Entries[..n]), MerkleTree.InclusionProof(LeafHashes, m, n));
            }
        }
    }

    [Fact]
    public void ConsistencyProof_EveryPairOfSizesUpTo64_MatchesTheReferenceProof()
    {
        for (var n = 2; n <= MaxSize; n++)
        {
            for (var m = 1; m < n; m++)
            {
                Assert.Equal(ReferenceMerkle.Proof(m, Entries[..n]), MerkleTree.ConsistencyProof(LeafHashes, m, n));
            }
        }
    }

    [Fact]
    public async Task RootHashAsync_StoredSubtreesOfEverySizeUpTo64_MatchesRootHash()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = DictionarySubtreeSource.FromLeafHashes(LeafHashes);

        for (var n = 0; n <= MaxSize; n++)
        {
            Assert.Equal(MerkleTree.RootHash(LeafHashes, n), await MerkleTree.RootHashAsync(source, n, ct));
        }
    }

    [Fact]
    public async Task InclusionProofAsync_StoredSubtreesOfEverySizeUpTo64_MatchesInclusionProof()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = DictionarySubtreeSource.FromLeafHashes(LeafHashes);

        for (var n = 1; n <= MaxSize; n++)
        {
            for (var m = 0; m < n; m++)
            {
                var calls = source.Calls;
                Assert.Equal(MerkleTree.InclusionProof(LeafHashes, m, n), await MerkleTree.InclusionProofAsync(source, m, n, ct));
                Assert.Equal(calls + 1, source.Calls);
            }
        }
    }

    [Fact]
    public async Task ConsistencyProofAsync_StoredSubtreesOfEveryPairUpTo64_MatchesConsistencyProof()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = DictionarySubtreeSource.FromLeafHashes(LeafHashes);

        for (var n = 2; n <= MaxSize; n++)
        {
            for (var m = 1; m < n; m++)
            {
                var calls = source.Calls;
                Assert.Equal(MerkleTree.ConsistencyProof(LeafHashes, m, n), await MerkleTree.ConsistencyProofAsync(source, m, n, ct));
                Assert.Equal(calls + 1, source.Calls);
            }
        }
    }

    [Theory]
    [InlineData(0, 10_000_000)]
    [InlineData(4_999_999, 10_000_000)]
    [InlineData(9_999_999, 10_000_000)]
    [InlineData(8_388_607, 8_388_609)]
    [InlineData(1_234_567_890_123, 9_876_543_210_987)]
    public async Task InclusionProofAsync_LargeTree_ReadsLogarithmicallyManyAlignedSubtreesInOneBatch(long leafIndex, long treeSize)
    {
        var source = new SyntheticSubtreeSource();

        var proof = await MerkleTree.InclusionProofAsync(source, leafIndex, treeSize, TestContext.Current.CancellationToken);

        var log2 = 64 - long.LeadingZeroCount(treeSize - 1);
        Assert.Equal(1, source.Calls);
        Assert.InRange(proof.Count, 1, log2);
        Assert.InRange(source.Requested.Count, 1, 2 * log2);
        Assert.All(source.Requested, s => Assert.True(s.End <= treeSize && s.Start % s.Size == 0));
        Assert.DoesNotContain(source.Requested, s => s.Start <= leafIndex && leafIndex < s.End);
    }

    [Theory]
    [InlineData(1, 10_000_000)]
    [InlineData(5_000_000, 10_000_000)]
    [InlineData(8_388_608, 10_000_000)]
    [InlineData(9_999_999, 10_000_000)]
    [InlineData(1_234_567_890_123, 9_876_543_210_987)]
    public async Task ConsistencyProofAsync_LargeTree_ReadsLogarithmicallyManyAlignedSubtreesInOneBatch(long first, long second)
    {
        var source = new SyntheticSubtreeSource();

        var proof = await MerkleTree.ConsistencyProofAsync(source, first, second, TestContext.Current.CancellationToken);

        var log2 = 64 - long.LeadingZeroCount(second - 1);
        Assert.Equal(1, source.Calls);
        Assert.InRange(proof.Count, 1, log2 + 1);
        Assert.InRange(source.Requested.Count, 1, 2 * (log2 + 1));
        Assert.All(source.Requested, s => Assert.True(s.End <= second && s.Start % s.Size == 0));
    }

    [Fact]
    public async Task RootHashAsync_SourceReturnsTooFewHashes_Throws()
    {
        var source = new SyntheticSubtreeSource { DropLast = true };

        await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await MerkleTree.RootHashAsync(source, 7, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(-1, 4)]
    [InlineData(4, 4)]
    [InlineData(0, 0)]
    [InlineData(0, 65)]
    public void InclusionProof_IndexOrSizeOutOfRange_Throws(long leafIndex, long treeSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(LeafHashes, leafIndex, treeSize));
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(-1, 4)]
    [InlineData(1, 65)]
    public void ConsistencyProof_SizesOutOfRange_Throws(long first, long second)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(LeafHashes, first, second));
    }

    [Fact]
    public void RootHash_LeafHashOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => MerkleTree.RootHash([new byte[32], new byte[31]], 2));
    }

    /// <summary>Answers any subtree with a hash of its coordinates, so plans over huge trees can be inspected.</summary>
    private sealed class SyntheticSubtreeSource : ISubtreeHashSource
    {
        public int Calls { get; private set; }

        public bool DropLast { get; init; }

        public List<PerfectSubtree> Requested { get; } = [];

        public ValueTask<IReadOnlyList<byte[]>> GetSubtreeHashesAsync(IReadOnlyList<PerfectSubtree> subtrees, CancellationToken ct)
        {
            Calls++;
            Requested.AddRange(subtrees);
            var hashes = subtrees.Select(s => MerkleHash.LeafHash(BitConverter.GetBytes(s.Start ^ (s.Size << 1)))).ToList();
            if (DropLast)
            {
                hashes.RemoveAt(hashes.Count - 1);
            }
            return ValueTask.FromResult<IReadOnlyList<byte[]>>(hashes);
        }
    }
}
