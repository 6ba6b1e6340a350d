namespace Marketplace.Platform.Audit;

/// <summary>
/// A <see cref="PerfectSubtree"/> together with its 32-byte hash: MTH of its leaves per RFC 9162 section 2.1.1,
/// which for a level-0 subtree is the leaf hash. This is the row a store keeps for each completed subtree.
/// </summary>
public readonly record struct SubtreeHash(PerfectSubtree Subtree, byte[] Hash);
