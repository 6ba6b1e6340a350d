using Marketplace.Cli.Http;
using Marketplace.Cli.Uploads;

namespace Marketplace.UnitTests.Cli.Uploads;

public sealed class BlockLayoutTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(0, "MDAwMDAw")]
    [InlineData(7, "MDAwMDA3")]
    [InlineData(49_999, "MDQ5OTk5")]
    public void BlockIds_For_IsBase64OfSixDigits(int number, string expected)
    {
        Assert.Equal(expected, BlockIds.For(number));
    }

    [Fact]
    public void From_PlanOfTheServer_CutsTheFileWithAShorterLastBlock()
    {
        var layout = BlockLayout.From((3 * MiB) + 5, new BlockPlan(MiB, 4));

        Assert.Equal([0, MiB, 2 * MiB, 3 * MiB], Enumerable.Range(0, 4).Select(layout.Offset));
        Assert.Equal([MiB, MiB, MiB, 5], Enumerable.Range(0, 4).Select(layout.Length));
        Assert.Equal(["MDAwMDAw", "MDAwMDAx", "MDAwMDAy", "MDAwMDAz"], layout.Ids);
    }

    [Fact]
    public void From_FileOfWholeBlocks_LastBlockIsFull()
    {
        var layout = BlockLayout.From(2 * MiB, new BlockPlan(MiB, 2));

        Assert.Equal(MiB, layout.Length(1));
    }

    [Theory]
    [InlineData(3, 1)]    // too few blocks for the size
    [InlineData(5, 1)]    // too many
    [InlineData(4, 0)]    // no block size
    public void From_PlanThatDoesNotFitTheFile_Fails(int blockCount, int blockSizeMiB)
    {
        var error = Assert.Throws<MarketplaceApiException>(() => BlockLayout.From((3 * MiB) + 5, new BlockPlan(blockSizeMiB * MiB, blockCount)));

        Assert.Contains("does not cut a file of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_NothingReceived_IsEveryBlock()
    {
        var layout = BlockLayout.From((3 * MiB) + 5, new BlockPlan(MiB, 4));

        Assert.Equal([0, 1, 2, 3], layout.Missing(null));
        Assert.Equal((3 * MiB) + 5, layout.Bytes(layout.Missing(null)));
    }

    [Fact]
    public void Missing_SomeBlocksStaged_IsTheOthers()
    {
        var layout = BlockLayout.From((3 * MiB) + 5, new BlockPlan(MiB, 4));
        var received = new ReceivedBlocks(MiB + 5, [], [new StagedBlock(BlockIds.For(3), 3, 5), new StagedBlock(BlockIds.For(0), 0, MiB)], [1, 2]);

        Assert.Equal([1, 2], layout.Missing(received));
        Assert.Equal(2 * MiB, layout.Bytes(layout.Missing(received)));
    }

    [Fact]
    public void Missing_BlockOfTheWrongLength_IsSentAgain()
    {
        var layout = BlockLayout.From((3 * MiB) + 5, new BlockPlan(MiB, 4));
        var received = new ReceivedBlocks(0, [], [new StagedBlock(BlockIds.For(0), 0, MiB - 1), new StagedBlock(BlockIds.For(1), 1, MiB)], []);

        Assert.Equal([0, 2, 3], layout.Missing(received));
    }

    [Fact]
    public void Missing_CommittedBlockReplacedByAShorterUncommittedCopy_CountsTheLatestCopy()
    {
        var layout = BlockLayout.From(2 * MiB, new BlockPlan(MiB, 2));
        var received = new ReceivedBlocks(0,
            [new StagedBlock(BlockIds.For(0), 0, MiB), new StagedBlock(BlockIds.For(1), 1, MiB)],
            [new StagedBlock(BlockIds.For(1), 1, 10)],
            []);

        Assert.Equal([1], layout.Missing(received));
    }

    [Fact]
    public void Missing_IdsOfAnotherScheme_AreIgnored()
    {
        var layout = BlockLayout.From(2 * MiB, new BlockPlan(MiB, 2));
        var received = new ReceivedBlocks(0, [], [new StagedBlock("YmxvY2stMA==", null, MiB)], []);

        Assert.Equal([0, 1], layout.Missing(received));
    }
}
