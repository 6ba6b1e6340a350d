namespace Marketplace.Platform.Audit;

/// <summary>
/// Verifies inclusion proofs (RFC 9162 section 2.1.3.2) and consistency proofs (RFC 9162 section 2.1.4.2) step for
/// step as the RFC writes them. Pure and total: any malformed input (negative or out-of-range sizes, hashes that are
/// not 32 bytes, proofs of the wrong length, null) makes the answer false, never an exception. Note that, as in the
/// RFC, a tree size is bound only through the shape of the proof: callers take sizes and roots from the same
/// signed tree head.
/// </summary>
public static class MerkleProofVerifier
{
    /// <summary>
    /// True when <paramref name="proof"/> shows that <paramref name="leafHash"/> is leaf number
    /// <paramref name="leafIndex"/> of the tree of <paramref name="treeSize"/> leaves whose root is
    /// <paramref name="rootHash"/> (RFC 9162 section 2.1.3.2).
    /// </summary>
    public static bool VerifyInclusion(
        long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        if (proof is null || leafHash.Length != MerkleHash.Size || rootHash.Length != MerkleHash.Size
            || leafIndex < 0 || treeSize < 0)
        {
            return false;
        }

        // 1. If leaf_index is greater than or equal to tree_size, fail.
        if (leafIndex >= treeSize)
        {
            return false;
        }

        // 2. Set fn to leaf_index and sn to tree_size - 1.
        var fn = leafIndex;
        var sn = treeSize - 1;

        // 3. Set r to hash.
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);

        // 4. For each value p in the inclusion_path array:
        for (var i = 0; i < proof.Count; i++)
        {
            var p = proof[i];
            if (p is not { Length: MerkleHash.Size })
            {
                return false;
            }

            // a. If sn is 0, stop the iteration and fail.
            if (sn == 0)
            {
                return false;
            }

            // b. If LSB(fn) is set, or if fn is equal to sn:
            if ((fn & 1) == 1 || fn == sn)
            {
                // i. Set r to HASH(0x01 || p || r).
                MerkleHash.NodeHash(p, r, r);

                // ii. If LSB(fn) is not set, right-shift fn and sn equally until LSB(fn) is set or fn is 0.
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                // Otherwise: i. Set r to HASH(0x01 || r || p).
                MerkleHash.NodeHash(r, p, r);
            }

            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }

        // 5. If sn is 0 and r equals root_hash, inclusion is proven; otherwise fail.
        return sn == 0 && r.SequenceEqual(rootHash);
    }

    /// <summary>
    /// True when <paramref name="proof"/> shows that the tree of <paramref name="first"/> leaves with root
    /// <paramref name="firstRoot"/> is a prefix of the tree of <paramref name="second"/> leaves with root
    /// <paramref name="secondRoot"/> (RFC 9162 section 2.1.4.2, which requires 0 &lt; first &lt; second; two
    /// equal sizes are consistent exactly when their roots are equal, which needs no proof).
    /// </summary>
    public static bool VerifyConsistency(
        long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (proof is null || firstRoot.Length != MerkleHash.Size || secondRoot.Length != MerkleHash.Size
            || first <= 0 || first >= second)
        {
            return false;
        }

        // 1. If consistency_path is an empty array, stop and fail.
        if (proof.Count == 0)
        {
            return false;
        }
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i] is not { Length: MerkleHash.Size })
            {
                return false;
            }
        }

        // 2. If first is an exact power of 2, prepend first_hash to the consistency_path array.
        var prependFirstRoot = (first & (first - 1)) == 0;
        var pathLength = proof.Count + (prependFirstRoot ? 1 : 0);

        // 3. Set fn to first - 1 and sn to second - 1.
        var fn = first - 1;
        var sn = second - 1;

        // 4. If LSB(fn) is set, right-shift both fn and sn equally until LSB(fn) is not set.
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // 5. Set both fr and sr to the first value in the consistency_path array.
        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        var head = prependFirstRoot ? firstRoot : proof[0];
        head.CopyTo(fr);
        head.CopyTo(sr);

        // 6. For each subsequent value c in the consistency_path array:
        for (var i = 1; i < pathLength; i++)
        {
            ReadOnlySpan<byte> c = proof[prependFirstRoot ? i - 1 : i];

            // a. If sn is 0, stop the iteration and fail.
            if (sn == 0)
            {
                return false;
            }

            // b. If LSB(fn) is set, or if fn is equal to sn:
            if ((fn & 1) == 1 || fn == sn)
            {
                // i. Set fr to HASH(0x01 || c || fr).  ii. Set sr to HASH(0x01 || c || sr).
                MerkleHash.NodeHash(c, fr, fr);
                MerkleHash.NodeHash(c, sr, sr);

                // iii. If LSB(fn) is not set, right-shift fn and sn equally until LSB(fn) is set or fn is 0.
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                // Otherwise: i. Set sr to HASH(0x01 || sr || c).
                MerkleHash.NodeHash(sr, c, sr);
            }

            // c. Finally, right-shift both fn and sn one time.
            fn >>= 1;
            sn >>= 1;
        }

        // 7. fr must equal first_hash, sr must equal second_hash, and sn must be 0.
        return fr.SequenceEqual(firstRoot) && sr.SequenceEqual(secondRoot) && sn == 0;
    }
}
