using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Cli.Http;
using Marketplace.Platform.Audit;
using Marketplace.Platform.Audit.TreeHeads;
using Marketplace.Platform.Canonicalization;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Cli.Audit;

/// <summary>
/// Checks the marketplace's audit log from outside, trusting only the JWKS: the latest signed tree head's ES256
/// signature; that it extends the head verified before (RFC 9162 section 2.1.4 consistency proof: the log only
/// grows); optionally every entry, recomputing the root from scratch (RFC 9162 section 2.1.1), or the entries the
/// caller may see, each with an inclusion proof (RFC 9162 section 2.1.3). Every problem names the tree size or the
/// leaf index it is about. Server errors and unreachable servers surface as exceptions, not problems.
/// </summary>
internal sealed class AuditVerifier(MarketplaceApi api)
{
    /// <summary>Tree heads are signed by the audit log's own key, never by the token-signing keys beside it in the JWKS.</summary>
    public const string AuditKeyIdPrefix = "audit-";

    public async Task<AuditVerification> VerifyAsync(VerifiedState? previous, AuditVerifyOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var keys = await api.GetJsonWebKeySetAsync(ct);
        var head = await api.GetLatestTreeHeadAsync(ct);
        if (head is null)
        {
            if (previous is { TreeSize: > 0 })
            {
                problems.Add($"The log serves no signed tree head, but tree size {previous.TreeSize} was verified before.");
            }
            return new AuditVerification(problems.Count == 0, null, problems, 0, 0);
        }

        var root = CheckTreeHead(head, keys, problems);
        long proofs = 0;
        long entries = 0;
        if (root is not null && previous is not null)
        {
            proofs += await CheckConsistencyAsync(previous, head, root, problems, ct);
        }
        if (root is not null && head.TreeSize > 0 && (options.FromScratch || options.CheckVisibleEntries))
        {
            var checkedEntries = await CheckEntriesAsync(head, root, options, problems, ct);
            entries = checkedEntries.Entries;
            proofs += checkedEntries.Proofs;
        }
        return new AuditVerification(problems.Count == 0, head, problems, entries, proofs);
    }

    /// <summary>Checks the head's form and signature; its root hash, or null when it has none to check against.</summary>
    private static byte[]? CheckTreeHead(SignedTreeHead head, JsonWebKeySet keys, List<string> problems)
    {
        if (head.TreeSize < 0)
        {
            problems.Add($"The signed tree head has a negative tree size, {head.TreeSize}.");
            return null;
        }
        var root = DecodeHash(head.RootHash);
        if (root is null)
        {
            problems.Add($"Tree head of size {head.TreeSize}: the root hash '{head.RootHash}' is not a base64 SHA-256 hash.");
        }
        if (head.KeyId is null || !head.KeyId.StartsWith(AuditKeyIdPrefix, StringComparison.Ordinal))
        {
            problems.Add($"Tree head of size {head.TreeSize}: it names the key '{head.KeyId}', which is not an audit log key ({AuditKeyIdPrefix}…).");
        }
        if (string.IsNullOrEmpty(head.Signature) || head.RootHash is null || head.KeyId is null)
        {
            problems.Add($"Tree head of size {head.TreeSize}: it lacks its signature, root hash or key id.");
            return root;
        }
        try
        {
            if (!TreeHeadVerifier.Verify(head, keys, out var problem))
            {
                problems.Add($"Tree head of size {head.TreeSize}: {problem}.");
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException
                                      or ArgumentException or CryptographicException)
        {
            problems.Add($"Tree head of size {head.TreeSize}: the signature is malformed ({e.Message}).");
        }
        return root;
    }

    /// <returns>The number of proofs checked (0 or 1).</returns>
    private async Task<int> CheckConsistencyAsync(
        VerifiedState previous, SignedTreeHead head, byte[] root, List<string> problems, CancellationToken ct)
    {
        var previousRoot = DecodeHash(previous.RootHash);
        if (previousRoot is null)
        {
            problems.Add($"The root hash verified before for tree size {previous.TreeSize} is not a base64 SHA-256 hash.");
            return 0;
        }
        if (previous.TreeSize > head.TreeSize)
        {
            problems.Add($"The log shrank: tree size {previous.TreeSize} was verified before, but the latest signed tree head has size {head.TreeSize}.");
            return 0;
        }
        if (previous.TreeSize == head.TreeSize)
        {
            if (!root.AsSpan().SequenceEqual(previousRoot))
            {
                problems.Add($"Tree size {head.TreeSize}: the signed root hash {head.RootHash} differs from the root hash {previous.RootHash} verified before for the same size: the log was rewritten.");
            }
            return 0;
        }
        if (previous.TreeSize == 0)
        {
            if (!previousRoot.AsSpan().SequenceEqual(MerkleHash.EmptyRoot))
            {
                problems.Add($"Tree size 0: the root hash {previous.RootHash} verified before is not the empty tree's root.");
            }
            return 0;   // every tree extends the empty tree
        }

        var proof = await api.GetConsistencyProofAsync(previous.TreeSize, head.TreeSize, ct);
        var path = DecodePath(proof.ConsistencyPath);
        if (proof.TreeSize1 != previous.TreeSize || proof.TreeSize2 != head.TreeSize)
        {
            problems.Add($"The consistency proof asked for tree sizes {previous.TreeSize} to {head.TreeSize} is for {proof.TreeSize1} to {proof.TreeSize2}.");
        }
        else if (path is null)
        {
            problems.Add($"The consistency proof from tree size {previous.TreeSize} to {head.TreeSize} holds a hash that is not base64 SHA-256.");
        }
        else if (!MerkleProofVerifier.VerifyConsistency(previous.TreeSize, head.TreeSize, previousRoot, root, path))
        {
            problems.Add($"The consistency proof from tree size {previous.TreeSize} (root {previous.RootHash}) to tree size {head.TreeSize} (root {head.RootHash}) does not verify: the signed tree is not an append-only extension of the one verified before.");
        }
        return 1;
    }

    private async Task<(long Entries, long Proofs)> CheckEntriesAsync(
        SignedTreeHead head, byte[] root, AuditVerifyOptions options, List<string> problems, CancellationToken ct)
    {
        var size = head.TreeSize;
        var entryProblems = new EntryProblems(problems, options.MaxEntryProblems);
        var recompute = options.FromScratch;
        var frontier = new MerkleFrontier();
        var leafHashes = new List<byte[]>();
        long entries = 0;
        long proofs = 0;
        var last = -1L;
        for (var start = 0L; start < size; start += MarketplaceApi.MaxEntriesPerRequest)
        {
            var end = Math.Min(start + MarketplaceApi.MaxEntriesPerRequest, size);
            var page = await api.GetEntriesAsync(start, end, ct);
            if (page.TreeSize < size)
            {
                problems.Add($"Tree size {size}: the log reports only {page.TreeSize} entries, fewer than its signed tree head.");
                return (entries, proofs);
            }
            foreach (var entry in page.Entries)
            {
                var index = entry.LeafIndex;
                if (index < start || index >= end || index <= last)
                {
                    entryProblems.Add($"Leaf {index}: served out of order or outside the range asked for, [{start}, {end}).");
                    continue;
                }
                last = index;
                if (recompute && index != frontier.Size)
                {
                    problems.Add(MissingEntries(frontier.Size, index));
                    recompute = false;
                }
                var bytes = DecodeBase64(entry.LeafInput);
                if (bytes is null)
                {
                    entryProblems.Add($"Leaf {index}: leaf_input is not base64.");
                    if (recompute)
                    {
                        problems.Add($"The root cannot be recomputed: leaf {index} has no readable bytes.");
                        recompute = false;
                    }
                    continue;
                }
                entries++;
                CheckEntryBytes(index, bytes, entry.Entry, entryProblems);
                var leafHash = MerkleHash.LeafHash(bytes);
                if (recompute)
                {
                    frontier.Append(leafHash);
                    leafHashes.Add(leafHash);
                }
                if (options.CheckVisibleEntries)
                {
                    proofs++;
                    var proof = await api.GetInclusionProofAsync(index, size, ct);
                    var path = DecodePath(proof.InclusionPath);
                    if (proof.LeafIndex != index || proof.TreeSize != size)
                    {
                        entryProblems.Add($"Leaf {index}: the inclusion proof asked for tree size {size} is for leaf {proof.LeafIndex} in tree size {proof.TreeSize}.");
                    }
                    else if (path is null)
                    {
                        entryProblems.Add($"Leaf {index}: the inclusion proof for tree size {size} holds a hash that is not base64 SHA-256.");
                    }
                    else if (!MerkleProofVerifier.VerifyInclusion(index, size, leafHash, path, root))
                    {
                        entryProblems.Add($"Leaf {index}: the inclusion proof for tree size {size} does not verify against the signed root {head.RootHash}: the entry served is not the one the log signed.");
                    }
                }
            }
        }
        entryProblems.Close();

        if (recompute && frontier.Size < size)
        {
            problems.Add(MissingEntries(frontier.Size, null, size));
            recompute = false;
        }
        if (recompute)
        {
            var computed = frontier.RootHash();
            if (!computed.AsSpan().SequenceEqual(root))
            {
                problems.Add($"Tree size {size}: the root recomputed from all {size} entries, {Convert.ToBase64String(computed)}, differs from the signed root {head.RootHash}.");
                var (located, checkedProofs) = await LocateFirstDifferenceAsync(leafHashes, root, size, ct);
                proofs += checkedProofs;
                problems.Add(located);
            }
        }
        return (entries, proofs);
    }

    /// <summary>
    /// Bisects with consistency proofs for the longest prefix of the entries served that the signed tree extends;
    /// the leaf just after it is the first that differs. log2(size) proofs.
    /// </summary>
    private async Task<(string Problem, int Proofs)> LocateFirstDifferenceAsync(
        List<byte[]> leafHashes, byte[] root, long size, CancellationToken ct)
    {
        long consistent = 0;    // the first 0 leaves always agree
        long inconsistent = size;
        var proofs = 0;
        while (inconsistent - consistent > 1)
        {
            var middle = consistent + ((inconsistent - consistent) / 2);
            var proof = await api.GetConsistencyProofAsync(middle, size, ct);
            proofs++;
            var path = DecodePath(proof.ConsistencyPath);
            var agrees = path is not null && proof.TreeSize1 == middle && proof.TreeSize2 == size
                && MerkleProofVerifier.VerifyConsistency(middle, size, MerkleTree.RootHash(leafHashes, middle), root, path);
            if (agrees)
            {
                consistent = middle;
            }
            else
            {
                inconsistent = middle;
            }
        }
        var problem = consistent == 0
            ? $"Leaf 0: not even the first entry is consistent with the signed root by the log's consistency proofs: leaf 0 differs, or the signed root is not the root of the entries served."
            : $"Leaf {consistent}: the first entry that differs from the signed tree; the first {consistent} entries are consistent with it (checked with consistency proofs).";
        return (problem, proofs);
    }

    private static void CheckEntryBytes(long index, byte[] bytes, JsonElement entry, EntryProblems problems)
    {
        byte[] canonical;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            canonical = JsonCanonicalizer.Canonicalize(document.RootElement);
        }
        catch (JsonException e)
        {
            problems.Add($"Leaf {index}: leaf_input is not valid JSON ({e.Message}).");
            return;
        }
        catch (FormatException e)
        {
            problems.Add($"Leaf {index}: leaf_input has no canonical JSON form ({e.Message}).");
            return;
        }
        if (!canonical.AsSpan().SequenceEqual(bytes))
        {
            var at = canonical.AsSpan().CommonPrefixLength(bytes);
            problems.Add($"Leaf {index}: leaf_input is not canonical JSON (RFC 8785); it departs from its canonical form at byte {at}.");
        }
        if (entry.ValueKind == JsonValueKind.Undefined)
        {
            problems.Add($"Leaf {index}: the response has no entry object beside leaf_input.");
            return;
        }
        try
        {
            if (!JsonCanonicalizer.Canonicalize(entry).AsSpan().SequenceEqual(canonical))
            {
                problems.Add($"Leaf {index}: the entry object differs from the entry in leaf_input.");
            }
        }
        catch (FormatException e)
        {
            problems.Add($"Leaf {index}: the entry object has no canonical JSON form ({e.Message}).");
        }
    }

    private static string MissingEntries(long expected, long? next, long size = 0) =>
        (next is { } n
            ? $"Leaf {expected} is missing (the next entry served is leaf {n})"
            : $"Leaves {expected} to {size - 1} are missing")
        + ": this client does not see every entry, so the root cannot be recomputed from scratch; that needs an auditor's or platform admin's credentials (any client can check the entries it sees with inclusion proofs instead).";

    private static byte[]? DecodeHash(string? base64) =>
        DecodeBase64(base64) is { Length: MerkleHash.Size } hash ? hash : null;

    private static byte[]? DecodeBase64(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }
        var buffer = new byte[base64.Length * 3 / 4];
        return Convert.TryFromBase64String(base64, buffer, out var length) ? buffer[..length] : null;
    }

    private static List<byte[]>? DecodePath(IReadOnlyList<string>? path)
    {
        if (path is null)
        {
            return null;
        }
        var hashes = new List<byte[]>(path.Count);
        foreach (var element in path)
        {
            if (DecodeHash(element) is not { } hash)
            {
                return null;
            }
            hashes.Add(hash);
        }
        return hashes;
    }

    /// <summary>Problems about single entries, the first few in full and the rest counted, so a rewritten log does not flood the output.</summary>
    private sealed class EntryProblems(List<string> problems, int limit)
    {
        private int _count;

        public void Add(string problem)
        {
            if (_count++ < limit)
            {
                problems.Add(problem);
            }
        }

        public void Close()
        {
            if (_count > limit)
            {
                problems.Add($"… and {_count - limit} more problems with single entries.");
            }
        }
    }
}
