using Marketplace.Cli.Http;

namespace Marketplace.Cli.Uploads;

/// <summary>
/// A file cut as the server's block plan says: <see cref="BlockCount"/> blocks of <see cref="BlockSize"/> bytes, the
/// last one shorter, numbered from 0. Knows each block's place in the file and which blocks storage still lacks.
/// </summary>
internal sealed record BlockLayout(long FileSize, long BlockSize, int BlockCount)
{
    /// <summary>The layout of a file of <paramref name="fileSize"/> bytes under <paramref name="plan"/>.</summary>
    /// <exception cref="MarketplaceApiException">The plan does not cut a file of that size into whole blocks.</exception>
    public static BlockLayout From(long fileSize, BlockPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fileSize);
        if (plan.BlockSize <= 0 || plan.BlockCount <= 0 || plan.BlockCount != (fileSize + plan.BlockSize - 1) / plan.BlockSize)
        {
            throw new MarketplaceApiException(
                $"The server's block plan ({plan.BlockCount} blocks of {plan.BlockSize} bytes) does not cut a file of {fileSize} bytes.");
        }
        return new BlockLayout(fileSize, plan.BlockSize, plan.BlockCount);
    }

    /// <summary>Every block id of the plan in file order: what completing the upload commits.</summary>
    public IReadOnlyList<string> Ids => [.. Enumerable.Range(0, BlockCount).Select(BlockIds.For)];

    public long Offset(int number) => Check(number) * BlockSize;

    public long Length(int number) => Check(number) == BlockCount - 1 ? FileSize - (BlockSize * (BlockCount - 1)) : BlockSize;

    /// <summary>
    /// The blocks to send: those storage does not hold with their planned length. A block staged again after a
    /// commit counts by its latest copy (uncommitted over committed), as Put Block List would commit it.
    /// </summary>
    public IReadOnlyList<int> Missing(ReceivedBlocks? received)
    {
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var block in (received?.CommittedBlocks ?? []).Concat(received?.UncommittedBlocks ?? []))
        {
            held[block.Id] = block.Size;
        }
        return [.. Enumerable.Range(0, BlockCount).Where(n => !held.TryGetValue(BlockIds.For(n), out var size) || size != Length(n))];
    }

    /// <summary>The bytes of the given blocks.</summary>
    public long Bytes(IEnumerable<int> numbers) => numbers.Sum(Length);

    private int Check(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(number, BlockCount);
        return number;
    }
}
