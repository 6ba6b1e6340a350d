using Marketplace.Catalog.Persistence;

namespace Marketplace.Catalog.Ingest;

/// <summary>
/// A batch of items on its way to the catalog, in the order of the load: the batch before it, whether it repeats an
/// item of an earlier batch (and so must be written after that batch committed, for the last line to win), and a
/// signal when it is written.
/// </summary>
internal sealed class LoadBatch(LoadBatch? previous)
{
    private readonly Dictionary<(string CollectionId, string Id), ItemRecord> _items = [];

    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every earlier batch of the load is written (a task, so earlier items can be freed).</summary>
    public Task EarlierWritten { get; } = previous?.ThisAndEarlierWritten ?? Task.CompletedTask;

    public Task ThisAndEarlierWritten => field ??= Task.WhenAll(EarlierWritten, _written.Task);

    public bool FollowsEarlier { get; private set; }

    public int Count => _items.Count;

    public IReadOnlyCollection<ItemRecord> Items => _items.Values;

    public IEnumerable<(string, string)> Keys => _items.Keys;

    public void MarkWritten() => _written.TrySetResult();

    public void MarkFailed(Exception error) => _written.TrySetException(error);

    /// <summary>Adds an item, replacing an earlier line of the same item in this batch.</summary>
    public void Add(ItemRecord item, bool repeatsEarlierBatch)
    {
        _items[(item.CollectionId, item.Id)] = item;
        FollowsEarlier |= repeatsEarlierBatch;
    }
}
