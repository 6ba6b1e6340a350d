using System.Security.Cryptography;

namespace Marketplace.Platform.Audit;

/// <summary>
/// The hashing of RFC 9162 section 2.1.1 with SHA-256: a leaf is <c>SHA-256(0x00 || entry)</c>, an interior
/// node is <c>SHA-256(0x01 || left || right)</c>, and the empty tree is <c>SHA-256()</c>. The prefixes are the
/// domain separation the RFC requires for second-preimage resistance. Pure; the span overloads do not allocate.
/// </summary>
public static class MerkleHash
{
    /// <summary>The length of every hash in the tree, in bytes (SHA-256).</summary>
    public const int Size = SHA256.HashSizeInBytes;

    /// <summary>Entries up to this length are prefixed on the stack; longer ones are streamed.</summary>
    private const int StackEntryLimit = 1024;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>
    /// MTH({}) of RFC 9162 section 2.1.1, the root of the empty tree: SHA-256 of the empty string,
    /// e3b0c442…7852b855. Points at constant data in the assembly, so it cannot be modified.
    /// </summary>
    public static ReadOnlySpan<byte> EmptyRoot =>
    [
        0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
        0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
    ];

    /// <summary>The leaf hash of one log entry, <c>SHA-256(0x00 || entry)</c> (RFC 9162 section 2.1.1).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[Size];
        LeafHash(entry, hash);
        return hash;
    }

    /// <summary>Writes <c>SHA-256(0x00 || entry)</c> to <paramref name="destination"/> (at least 32 bytes).</summary>
    public static void LeafHash(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        RequireDestination(destination);
        if (entry.Length <= StackEntryLimit)
        {
            Span<byte> buffer = stackalloc byte[entry.Length + 1];
            buffer[0] = LeafPrefix;
            entry.CopyTo(buffer[1..]);
            SHA256.HashData(buffer, destination);
            return;
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([LeafPrefix]);
        sha.AppendData(entry);
        sha.GetHashAndReset(destination);
    }

    /// <summary>The interior node hash <c>SHA-256(0x01 || left || right)</c> of two 32-byte child hashes.</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        NodeHash(left, right, hash);
        return hash;
    }

    /// <summary>
    /// Writes <c>SHA-256(0x01 || left || right)</c> to <paramref name="destination"/>. The children must be
    /// 32-byte hashes; <paramref name="destination"/> may be the same memory as either child.
    /// </summary>
    public static void NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != Size)
        {
            throw new ArgumentException($"A child hash must be {Size} bytes.", nameof(left));
        }
        if (right.Length != Size)
        {
            throw new ArgumentException($"A child hash must be {Size} bytes.", nameof(right));
        }
        RequireDestination(destination);

        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        SHA256.HashData(buffer, destination);
    }

    private static void RequireDestination(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", nameof(destination));
        }
    }
}
