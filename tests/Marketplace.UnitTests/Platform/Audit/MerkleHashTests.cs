using System.Security.Cryptography;
using Marketplace.Platform.Audit;

namespace Marketplace.UnitTests.Platform.Audit;

public sealed class MerkleHashTests
{
    [Fact]
    public void EmptyRoot_Always_IsSha256OfTheEmptyString()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            Convert.ToHexStringLower(MerkleHash.EmptyRoot));
        Assert.Equal(SHA256.HashData(Array.Empty<byte>()), MerkleHash.EmptyRoot.ToArray());
    }

    [Fact]
    public void LeafHash_EmptyEntry_IsThePublishedRootOfTheOneLeafTree()
    {
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            Convert.ToHexStringLower(MerkleHash.LeafHash([])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(100_000)]
    public void LeafHash_EntryOfAnyLength_IsSha256OfZeroPrefixAndEntry(int length)
    {
        var entry = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        var expected = SHA256.HashData([0x00, .. entry]);

        Assert.Equal(expected, MerkleHash.LeafHash(entry));
        var written = new byte[MerkleHash.Size];
        MerkleHash.LeafHash(entry, written);
        Assert.Equal(expected, written);
    }

    [Fact]
    public void NodeHash_TwoChildren_IsSha256OfOnePrefixLeftAndRight()
    {
        var left = SHA256.HashData("left"u8);
        var right = SHA256.HashData("right"u8);

        Assert.Equal(SHA256.HashData([0x01, .. left, .. right]), MerkleHash.NodeHash(left, right));
    }

    [Fact]
    public void NodeHash_DestinationIsAChild_WritesTheSameHash()
    {
        var left = SHA256.HashData("left"u8);
        var right = SHA256.HashData("right"u8);
        var expected = MerkleHash.NodeHash(left, right);

        var leftCopy = left.ToArray();
        MerkleHash.NodeHash(leftCopy, right, leftCopy);
        var rightCopy = right.ToArray();
        MerkleHash.NodeHash(left, rightCopy, rightCopy);

        Assert.Equal(expected, leftCopy);
        Assert.Equal(expected, rightCopy);
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(31, 32)]
    [InlineData(32, 33)]
    public void NodeHash_ChildIsNotAHash_Throws(int leftLength, int rightLength)
    {
        Assert.Throws<ArgumentException>(() => MerkleHash.NodeHash(new byte[leftLength], new byte[rightLength]));
    }

    [Fact]
    public void LeafHash_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => MerkleHash.LeafHash([1, 2, 3], new byte[31]));
    }
}
