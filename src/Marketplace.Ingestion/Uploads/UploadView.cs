namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// An upload as its organization sees it. While it is open, <see cref="UploadUrl"/> is a write-only URL (create and
/// write, nothing else) for exactly its blob; clients send blocks there with Put Block and complete through the API.
/// <see cref="Status"/> is <c>open</c>, <c>completed</c>, <c>aborted</c>, <c>expired</c> or <c>consumed</c>;
/// <see cref="Received"/> is what Blob storage holds so far (answers to GET only).
/// </summary>
public sealed record UploadView(
    Guid Id,
    string Status,
    string FileName,
    string MediaType,
    long Size,
    string? Sha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? CompletedAt,
    BlockPlan Blocks,
    Uri? UploadUrl,
    DateTimeOffset? UploadUrlExpiresAt,
    UploadProgress? Received);

/// <summary>
/// How to cut the file: blocks of <see cref="BlockSize"/> bytes (the last one shorter), numbered from 0, with ids in
/// <see cref="IdFormat"/>. Blocks may be sent in any order and in parallel.
/// </summary>
public sealed record BlockPlan(long BlockSize, int BlockCount, long MinBlockSize, long MaxBlockSize, int MaxBlockCount, string IdFormat);
