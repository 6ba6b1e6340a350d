namespace Marketplace.Cli.Http;

/// <summary>
/// An upload as the server shows it: its status (<c>open</c>, <c>completed</c>, <c>aborted</c>, <c>expired</c>,
/// <c>consumed</c>), the block plan, while open a write-only URL for its blob, and on <c>GET</c> what storage holds.
/// </summary>
internal sealed record UploadView(
    Guid Id,
    string Status,
    string FileName,
    string MediaType,
    long Size,
    string? Sha256,
    DateTimeOffset ExpiresAt,
    BlockPlan Blocks,
    Uri? UploadUrl,
    DateTimeOffset? UploadUrlExpiresAt,
    ReceivedBlocks? Received)
{
    public const string Open = "open";
    public const string Completed = "completed";
}
