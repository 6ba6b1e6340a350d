namespace Marketplace.Cli.Http;

/// <summary><c>POST /uploads/{id}/complete</c>: the ids of the blob's blocks, in file order.</summary>
internal sealed record CompleteUploadRequest(IReadOnlyList<string> BlockIds);
