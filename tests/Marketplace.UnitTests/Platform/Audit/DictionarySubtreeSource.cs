using Marketplace.Platform.Audit;

namespace Marketplace.UnitTests.Platform.Audit;

/// <summary>An in-memory store of completed subtrees, filled the way the append path will fill the real one.</summary>
internal sealed class DictionarySubtreeSource : ISubtreeHashSource
{
    private readonly Dictionary<PerfectSubtree, byte[]> _hashes = [];

    public int Calls { get; private set; }

    public List<PerfectSubtree> LastRequest { get; private set; } = [];

    public static DictionarySubtreeSource FromLeafHashes(IEnumerable<byte[]> leafHashes)
    {
        var source = new DictionarySubtreeSource();
        var frontier = new MerkleFrontier();
        var completed = new List<SubtreeHash>();
        foreach (var leafHash in leafHashes)
        {
            frontier.Append(leafHash, completed);
        }
        foreach (var (subtree, hash) in completed)
        {
            source._hashes.Add(subtree, hash);
        }
        return source;
    }

    public ValueTask<IReadOnlyList<byte[]>> GetSubtreeHashesAsync(IReadOnlyList<PerfectSubtree> subtrees, CancellationToken ct)
    {
        Calls++;
        LastRequest = [.. subtrees];
        return ValueTask.FromResult<IReadOnlyList<byte[]>>([.. subtrees.Select(s => _hashes[s])]);
    }
}
