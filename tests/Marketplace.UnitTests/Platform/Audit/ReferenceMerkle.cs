using System.Security.Cryptography;
using System.Text;

namespace Marketplace.UnitTests.Platform.Audit;

/// <summary>
/// The textbook recursions of RFC 9162 sections 2.1.1 (MTH), 2.1.3.1 (PATH) and 2.1.4.1 (PROOF/SUBPROOF) over
/// the entries themselves, written independently of the production code (own hashing, own splitting, arrays
/// copied at each level) so the tests compare two implementations of the RFC.
/// </summary>
internal static class ReferenceMerkle
{
    /// <summary>Distinct entries of varied lengths, including the empty entry.</summary>
    public static byte[][] Entries(int count) =>
        [.. Enumerable.Range(0, count).Select(i => i == 0 ? [] : Encoding.UTF8.GetBytes($"entry-{i}:" + new string('x', i % 13)))];

    public static byte[] LeafHash(byte[] entry) => SHA256.HashData([0x00, .. entry]);

    public static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    /// <summary>MTH(D[n]).</summary>
    public static byte[] Mth(byte[][] d)
    {
        if (d.Length == 0)
        {
            return SHA256.HashData(Array.Empty<byte>());
        }
        if (d.Length == 1)
        {
            return LeafHash(d[0]);
        }
        var k = LargestPowerOfTwoLessThan(d.Length);
        return NodeHash(Mth(d[..k]), Mth(d[k..]));
    }

    /// <summary>PATH(m, D[n]).</summary>
    public static List<byte[]> Path(int m, byte[][] d)
    {
        if (d.Length == 1)
        {
            return [];
        }
        var k = LargestPowerOfTwoLessThan(d.Length);
        return m < k
            ? [.. Path(m, d[..k]), Mth(d[k..])]
            : [.. Path(m - k, d[k..]), Mth(d[..k])];
    }

    /// <summary>For each element of PATH(m, D[n]): true when the sibling is on the right of the path.</summary>
    public static List<bool> PathSiblingOnRight(int m, int n)
    {
        if (n == 1)
        {
            return [];
        }
        var k = LargestPowerOfTwoLessThan(n);
        return m < k
            ? [.. PathSiblingOnRight(m, k), true]
            : [.. PathSiblingOnRight(m - k, n - k), false];
    }

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true).</summary>
    public static List<byte[]> Proof(int m, byte[][] d) => SubProof(m, d, true);

    private static List<byte[]> SubProof(int m, byte[][] d, bool b)
    {
        var n = d.Length;
        if (m == n)
        {
            return b ? [] : [Mth(d)];
        }
        var k = LargestPowerOfTwoLessThan(n);
        return m <= k
            ? [.. SubProof(m, d[..k], b), Mth(d[k..])]
            : [.. SubProof(m - k, d[k..], false), Mth(d[..k])];
    }

    private static int LargestPowerOfTwoLessThan(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return k;
    }
}
