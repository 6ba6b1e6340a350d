namespace Marketplace.Cli.Http;

/// <summary>
/// <c>POST /uploads</c>: the file's name (a label, not a path), exact size, media type (type/subtype without
/// parameters), SHA-256 as lower-case hex, and optionally the block size; the server advises one otherwise.
/// </summary>
internal sealed record CreateUploadRequest(string FileName, long Size, string MediaType, string? Sha256, long? BlockSize);
