using Marketplace.Platform.Audit;

namespace Marketplace.UnitTests.Platform.Audit;

public sealed class MerkleProofVerifierTests
{
    private const int MaxSize = 64;

    private static readonly byte[][] Entries = ReferenceMerkle.Entries(MaxSize);
    private static readonly byte[][] LeafHashes = [.. Entries.Select(ReferenceMerkle.LeafHash)];

    /// <summary>Roots[n] is the root of the tree of the first n entries.</summary>
    private static readonly byte[][] Roots = [.. Enumerable.Range(0, MaxSize + 1).Select(n => ReferenceMerkle.Mth(Entries[..n]))];

    private static readonly byte[] SomeHash = Convert.FromHexString("abacaba000000000000000000000000000000000000000000060061e00123456");

    // ---- Inclusion (RFC 9162 section 2.1.3.2) ----

    [Theory]
    [MemberData(nameof(CertificateTransparencyVectors.InclusionProofs), MemberType = typeof(CertificateTransparencyVectors))]
    public void VerifyInclusion_CertificateTransparencyVector_ReturnsTrue(long leafIndex, long treeSize, string[] proofHex)
    {
        var leafHash = ReferenceMerkle.LeafHash(CertificateTransparencyVectors.Leaves[leafIndex]);
        byte[][] proof = [.. proofHex.Select(Convert.FromHexString)];

        Assert.True(MerkleProofVerifier.VerifyInclusion(
            leafIndex, treeSize, leafHash, proof, CertificateTransparencyVectors.Root(treeSize)));
    }

    [Theory]
    [MemberData(nameof(CertificateTransparencyVectors.InclusionProofs), MemberType = typeof(CertificateTransparencyVectors))]
    public void VerifyInclusion_CertificateTransparencyVectorWithPublishedCorruptions_ReturnsFalse(
        long leafIndex, long treeSize, string[] proofHex)
    {
        var leafHash = ReferenceMerkle.LeafHash(CertificateTransparencyVectors.Leaves[leafIndex]);
        var root = CertificateTransparencyVectors.Root(treeSize);
        byte[][] proof = [.. proofHex.Select(Convert.FromHexString)];

        // The probes of transparency-dev/merkle corruptInclusionProof that apply to well-formed 32-byte hashes.
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex - 1, treeSize, leafHash, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex + 1, treeSize, leafHash, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex ^ 2, treeSize, leafHash, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize * 2, leafHash, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize / 2, leafHash, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize, "WrongLeaf"u8, proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize, leafHash, proof, MerkleHash.EmptyRoot));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize, leafHash, proof, SomeHash));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize, leafHash, [.. proof, []], root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize, leafHash, [.. proof, root], root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize, leafHash, [[], .. proof], root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(leafIndex, treeSize, leafHash, [root, .. proof], root));
    }

    [Fact]
    public void VerifyInclusion_EveryProofOfEveryLeafUpTo64_ReturnsTrue()
    {
        foreach (var (m, n, proof) in InclusionCases())
        {
            Assert.True(MerkleProofVerifier.VerifyInclusion(m, n, LeafHashes[m], proof, Roots[n]), $"PATH({m}, {n})");
        }
    }

    [Fact]
    public void VerifyInclusion_AnyBitFlippedInAnyProofElement_ReturnsFalse()
    {
        foreach (var (m, n, proof) in InclusionCases())
        {
            for (var i = 0; i < proof.Count; i++)
            {
                foreach (var bit in FlippedBits)
                {
                    var mutated = proof.ToList();
                    mutated[i] = FlipBit(proof[i], bit);
                    Assert.False(MerkleProofVerifier.VerifyInclusion(m, n, LeafHashes[m], mutated, Roots[n]),
                        $"PATH({m}, {n}) element {i} bit {bit}");
                }
            }
        }
    }

    [Fact]
    public void VerifyInclusion_WrongLeafIndex_ReturnsFalse()
    {
        foreach (var (m, n, proof) in InclusionCases())
        {
            long[] wrongIndices = [.. Enumerable.Range(-1, n + 2).Select(i => (long)i).Where(i => i != m), long.MaxValue, long.MinValue];
            foreach (var wrong in wrongIndices)
            {
                Assert.False(MerkleProofVerifier.VerifyInclusion(wrong, n, LeafHashes[m], proof, Roots[n]),
                    $"PATH({m}, {n}) checked as leaf {wrong}");
            }
        }
    }

    [Fact]
    public void VerifyInclusion_WrongTreeSizeWithTheRootOfThatSize_ReturnsFalse()
    {
        foreach (var (m, n, proof) in InclusionCases())
        {
            for (var wrong = m + 1; wrong <= MaxSize; wrong++)
            {
                if (wrong != n)
                {
                    Assert.False(MerkleProofVerifier.VerifyInclusion(m, wrong, LeafHashes[m], proof, Roots[wrong]),
                        $"PATH({m}, {n}) checked against size {wrong}");
                }
            }
        }
    }

    [Fact]
    public void VerifyInclusion_WrongTreeSizeWithTheOriginalRoot_ReturnsFalseUnlessThePathHasTheSameShape()
    {
        // RFC 9162 binds the tree size only through the shape of the path (its length and which side each sibling
        // is on); the signed tree head binds the size to the root. Any other size must fail.
        foreach (var (m, n, proof) in InclusionCases())
        {
            var shape = ReferenceMerkle.PathSiblingOnRight(m, n);
            long[] wrongSizes = [.. Enumerable.Range(-1, MaxSize + 2).Select(s => (long)s).Where(s => s != n), long.MaxValue];
            foreach (var wrong in wrongSizes)
            {
                var sameShape = wrong > m && wrong <= MaxSize
                    && ReferenceMerkle.PathSiblingOnRight(m, (int)wrong).SequenceEqual(shape);
                Assert.Equal(sameShape, MerkleProofVerifier.VerifyInclusion(m, wrong, LeafHashes[m], proof, Roots[n]));
            }
        }
    }

    [Fact]
    public void VerifyInclusion_TruncatedProof_ReturnsFalse()
    {
        foreach (var (m, n, proof) in InclusionCases())
        {
            for (var i = 0; i < proof.Count; i++)
            {
                var truncated = proof.Where((_, j) => j != i).ToList();
                Assert.False(MerkleProofVerifier.VerifyInclusion(m, n, LeafHashes[m], truncated, Roots[n]),
                    $"PATH({m}, {n}) without element {i}");
            }
        }
    }

    [Fact]
    public void VerifyInclusion_ExtendedProof_ReturnsFalse()
    {
        foreach (var (m, n, proof) in InclusionCases())
        {
            byte[][] extras = [Roots[n], LeafHashes[m], new byte[32], SomeHash, .. proof];
            foreach (var extra in extras)
            {
                for (var at = 0; at <= proof.Count; at++)
                {
                    var extended = proof.ToList();
                    extended.Insert(at, extra);
                    Assert.False(MerkleProofVerifier.VerifyInclusion(m, n, LeafHashes[m], extended, Roots[n]),
                        $"PATH({m}, {n}) with an element inserted at {at}");
                }
            }
        }
    }

    [Fact]
    public void VerifyInclusion_WrongLeafHash_ReturnsFalse()
    {
        foreach (var (m, n, proof) in InclusionCases())
        {
            byte[][] wrongLeaves =
            [
                FlipBit(LeafHashes[m], 0), FlipBit(LeafHashes[m], 255), LeafHashes[(m + 1) % MaxSize],
                ReferenceMerkle.NodeHash(LeafHashes[m], LeafHashes[m]), SomeHash,
                .. (n > 1 ? [Roots[n]] : Array.Empty<byte[]>()), // a one-leaf tree's root is its leaf hash
            ];
            foreach (var wrong in wrongLeaves)
            {
                Assert.False(MerkleProofVerifier.VerifyInclusion(m, n, wrong, proof, Roots[n]), $"PATH({m}, {n})");
            }
        }
    }

    [Fact]
    public void VerifyInclusion_WrongRoot_ReturnsFalse()
    {
        foreach (var (m, n, proof) in InclusionCases())
        {
            byte[][] wrongRoots = [FlipBit(Roots[n], 0), FlipBit(Roots[n], 255), Roots[n - 1], Roots[n == MaxSize ? 0 : n + 1]];
            foreach (var wrong in wrongRoots)
            {
                Assert.False(MerkleProofVerifier.VerifyInclusion(m, n, LeafHashes[m], proof, wrong), $"PATH({m}, {n})");
            }
        }
    }

    [Fact]
    public void VerifyInclusion_MalformedInput_ReturnsFalseWithoutThrowing()
    {
        var proof = ReferenceMerkle.Path(3, Entries[..8]);
        var leaf = LeafHashes[3];
        var root = Roots[8];
        Assert.True(MerkleProofVerifier.VerifyInclusion(3, 8, leaf, proof, root));

        Assert.False(MerkleProofVerifier.VerifyInclusion(0, 0, MerkleHash.EmptyRoot, [], MerkleHash.EmptyRoot));
        Assert.False(MerkleProofVerifier.VerifyInclusion(0, -1, leaf, [], leaf));
        Assert.False(MerkleProofVerifier.VerifyInclusion(1, 1, leaf, [], leaf));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, leaf.AsSpan(0, 31), proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, [.. leaf, 0], proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, [], proof, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, leaf, proof, root.AsSpan(0, 31)));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, leaf, proof, []));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, leaf, null!, root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, leaf, [proof[0], null!, proof[2]], root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, leaf, [proof[0], proof[1][..31], proof[2]], root));
        Assert.False(MerkleProofVerifier.VerifyInclusion(3, 8, leaf, [proof[0], [.. proof[1], 0], proof[2]], root));
        // A one-leaf tree: the root is the leaf hash and the path is empty.
        Assert.True(MerkleProofVerifier.VerifyInclusion(0, 1, leaf, [], leaf));
        Assert.False(MerkleProofVerifier.VerifyInclusion(0, 1, leaf, [leaf], leaf));
    }

    // ---- Consistency (RFC 9162 section 2.1.4.2) ----

    [Theory]
    [MemberData(nameof(CertificateTransparencyVectors.ConsistencyProofs), MemberType = typeof(CertificateTransparencyVectors))]
    public void VerifyConsistency_CertificateTransparencyVector_ReturnsTrue(long first, long second, string[] proofHex)
    {
        byte[][] proof = [.. proofHex.Select(Convert.FromHexString)];

        Assert.True(MerkleProofVerifier.VerifyConsistency(
            first, second, CertificateTransparencyVectors.Root(first), CertificateTransparencyVectors.Root(second), proof));
    }

    [Theory]
    [MemberData(nameof(CertificateTransparencyVectors.ConsistencyProofs), MemberType = typeof(CertificateTransparencyVectors))]
    public void VerifyConsistency_CertificateTransparencyVectorWithPublishedCorruptions_ReturnsFalse(
        long first, long second, string[] proofHex)
    {
        var root1 = CertificateTransparencyVectors.Root(first);
        var root2 = CertificateTransparencyVectors.Root(second);
        byte[][] proof = [.. proofHex.Select(Convert.FromHexString)];

        // The probes of transparency-dev/merkle corruptConsistencyProof.
        Assert.False(MerkleProofVerifier.VerifyConsistency(first - 1, second, root1, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first + 1, second, root1, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first ^ 2, second, root1, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second * 2, root1, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second / 2, root1, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, "WrongRoot"u8, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, "WrongRoot"u8, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root2, root1, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, []));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, [.. proof, []]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, [.. proof, root1]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, [.. proof, root2]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, [[], .. proof]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, [root1, .. proof]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, [root2, .. proof]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, [proof[0], .. proof]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, root1, root2, proof[..^1]));
    }

    [Fact]
    public void VerifyConsistency_EveryProofOfEveryPairUpTo64_ReturnsTrue()
    {
        foreach (var (m, n, proof) in ConsistencyCases())
        {
            Assert.True(MerkleProofVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], proof), $"PROOF({m}, {n})");
        }
    }

    [Fact]
    public void VerifyConsistency_AnyBitFlippedInAnyProofElement_ReturnsFalse()
    {
        foreach (var (m, n, proof) in ConsistencyCases())
        {
            for (var i = 0; i < proof.Count; i++)
            {
                foreach (var bit in FlippedBits)
                {
                    var mutated = proof.ToList();
                    mutated[i] = FlipBit(proof[i], bit);
                    Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], mutated),
                        $"PROOF({m}, {n}) element {i} bit {bit}");
                }
            }
        }
    }

    [Fact]
    public void VerifyConsistency_WrongSizesWithTheRootsOfThoseSizes_ReturnsFalse()
    {
        foreach (var (m, n, proof) in ConsistencyCases())
        {
            for (var wrongFirst = 1; wrongFirst < n; wrongFirst++)
            {
                if (wrongFirst != m)
                {
                    Assert.False(MerkleProofVerifier.VerifyConsistency(wrongFirst, n, Roots[wrongFirst], Roots[n], proof),
                        $"PROOF({m}, {n}) checked as first size {wrongFirst}");
                }
            }
            for (var wrongSecond = m + 1; wrongSecond <= MaxSize; wrongSecond++)
            {
                if (wrongSecond != n)
                {
                    Assert.False(MerkleProofVerifier.VerifyConsistency(m, wrongSecond, Roots[m], Roots[wrongSecond], proof),
                        $"PROOF({m}, {n}) checked as second size {wrongSecond}");
                }
            }
        }
    }

    [Fact]
    public void VerifyConsistency_WrongSizesWithTheOriginalRoots_ReturnsFalseWhenTheProofLengthDiffers()
    {
        // As for inclusion, sizes are bound only through the proof's shape; a proof of another length must fail.
        foreach (var (m, n, proof) in ConsistencyCases())
        {
            (long First, long Second)[] wrongSizes =
            [
                (m - 1, n), (m + 1, n), (m ^ 2, n), (m * 2, n), (m, n - 1), (m, n + 1), (m, n * 2), (m, n / 2),
                (n, m), (m, m), (n, n), (0, n), (m, long.MaxValue), (long.MaxValue - 1, long.MaxValue),
            ];
            foreach (var (first, second) in wrongSizes)
            {
                var valid = first > 0 && first < second && second <= MaxSize;
                if (valid && ReferenceMerkle.Proof((int)first, Entries[..(int)second]).Count == proof.Count)
                {
                    continue;
                }
                Assert.False(MerkleProofVerifier.VerifyConsistency(first, second, Roots[m], Roots[n], proof),
                    $"PROOF({m}, {n}) checked as ({first}, {second})");
            }
        }
    }

    [Fact]
    public void VerifyConsistency_SwappedOrWrongRoots_ReturnsFalse()
    {
        foreach (var (m, n, proof) in ConsistencyCases())
        {
            Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, Roots[n], Roots[m], proof));
            Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, Roots[m], Roots[m], proof));
            Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, Roots[n], Roots[n], proof));
            Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, FlipBit(Roots[m], 0), Roots[n], proof));
            Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, Roots[m], FlipBit(Roots[n], 255), proof));
            Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, MerkleHash.EmptyRoot, Roots[n], proof));
        }
    }

    [Fact]
    public void VerifyConsistency_TruncatedProof_ReturnsFalse()
    {
        foreach (var (m, n, proof) in ConsistencyCases())
        {
            Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], []));
            for (var i = 0; i < proof.Count; i++)
            {
                var truncated = proof.Where((_, j) => j != i).ToList();
                Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], truncated),
                    $"PROOF({m}, {n}) without element {i}");
            }
        }
    }

    [Fact]
    public void VerifyConsistency_ExtendedProof_ReturnsFalse()
    {
        foreach (var (m, n, proof) in ConsistencyCases())
        {
            byte[][] extras = [Roots[m], Roots[n], new byte[32], SomeHash, .. proof];
            foreach (var extra in extras)
            {
                for (var at = 0; at <= proof.Count; at++)
                {
                    var extended = proof.ToList();
                    extended.Insert(at, extra);
                    Assert.False(MerkleProofVerifier.VerifyConsistency(m, n, Roots[m], Roots[n], extended),
                        $"PROOF({m}, {n}) with an element inserted at {at}");
                }
            }
        }
    }

    [Fact]
    public void VerifyConsistency_MalformedInput_ReturnsFalseWithoutThrowing()
    {
        var proof = ReferenceMerkle.Proof(3, Entries[..8]);
        var root1 = Roots[3];
        var root2 = Roots[8];
        Assert.True(MerkleProofVerifier.VerifyConsistency(3, 8, root1, root2, proof));

        // RFC 9162 section 2.1.4.2 defines the proof only for 0 < first < second.
        Assert.False(MerkleProofVerifier.VerifyConsistency(8, 8, root2, root2, []));
        Assert.False(MerkleProofVerifier.VerifyConsistency(8, 8, root2, root2, [root2]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(0, 8, MerkleHash.EmptyRoot, root2, []));
        Assert.False(MerkleProofVerifier.VerifyConsistency(0, 8, MerkleHash.EmptyRoot, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(8, 3, root2, root1, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(-3, 8, root1, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(3, -8, root1, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(long.MinValue, long.MaxValue, root1, root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(3, 8, root1.AsSpan(0, 31), root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(3, 8, root1, [.. root2, 0], proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(3, 8, [], root2, proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(3, 8, root1, root2, null!));
        Assert.False(MerkleProofVerifier.VerifyConsistency(3, 8, root1, root2, [.. proof[..^1], null!]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(3, 8, root1, root2, [.. proof[..^1], proof[^1][..31]]));
        Assert.False(MerkleProofVerifier.VerifyConsistency(3, 8, root1, root2, [.. proof[..^1], [.. proof[^1], 0]]));
    }

    [Fact]
    public void VerifyConsistency_FirstSizeIsAPowerOfTwo_UsesTheFirstRootAsThePathHead()
    {
        // PROOF(4, D[8]) leaves out MTH(D[0:4]); the verifier prepends the first root (RFC 9162 section 2.1.4.2 step 2).
        var proof = ReferenceMerkle.Proof(4, Entries[..8]);

        Assert.Single(proof);
        Assert.True(MerkleProofVerifier.VerifyConsistency(4, 8, Roots[4], Roots[8], proof));
        Assert.False(MerkleProofVerifier.VerifyConsistency(4, 8, Roots[4], Roots[8], [Roots[4], .. proof]));
    }

    private static readonly int[] FlippedBits = [0, 3, 100, 255];

    private static byte[] FlipBit(byte[] hash, int bit)
    {
        var copy = hash.ToArray();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    /// <summary>Every leaf of every tree size 1..64, with the proof the production tree produces for it.</summary>
    private static IEnumerable<(int M, int N, List<byte[]> Proof)> InclusionCases()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            for (var m = 0; m < n; m++)
            {
                yield return (m, n, [.. MerkleTree.InclusionProof(LeafHashes, m, n)]);
            }
        }
    }

    /// <summary>Every pair 0 &lt; m &lt; n ≤ 64, with the proof the production tree produces for it.</summary>
    private static IEnumerable<(int M, int N, List<byte[]> Proof)> ConsistencyCases()
    {
        for (var n = 2; n <= MaxSize; n++)
        {
            for (var m = 1; m < n; m++)
            {
                yield return (m, n, [.. MerkleTree.ConsistencyProof(LeafHashes, m, n)]);
            }
        }
    }
}
