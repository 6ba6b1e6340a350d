namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// The blocks Blob storage holds for an upload. <see cref="MissingBlocks"/> are the numbers of the plan not received
/// yet: after an interruption a client sends just those and completes. <see cref="Bytes"/> counts a block sent twice
/// once (its latest copy).
/// </summary>
public sealed record UploadProgress(
    long Bytes,
    long CommittedBytes,
    long UncommittedBytes,
    IReadOnlyList<StagedBlock> CommittedBlocks,
    IReadOnlyList<StagedBlock> UncommittedBlocks,
    IReadOnlyList<int> MissingBlocks);

/// <summary>One block in Blob storage; <see cref="Number"/> is null when its id does not follow the plan's format.</summary>
public sealed record StagedBlock(string Id, int? Number, long Size);
