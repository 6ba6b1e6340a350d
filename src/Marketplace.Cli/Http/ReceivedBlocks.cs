namespace Marketplace.Cli.Http;

/// <summary>The blocks Blob storage holds for an upload, committed or not, and the plan's block numbers still missing.</summary>
internal sealed record ReceivedBlocks(
    long Bytes,
    IReadOnlyList<StagedBlock>? CommittedBlocks,
    IReadOnlyList<StagedBlock>? UncommittedBlocks,
    IReadOnlyList<int>? MissingBlocks);
