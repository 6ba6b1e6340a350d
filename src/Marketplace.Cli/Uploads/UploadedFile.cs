namespace Marketplace.Cli.Uploads;

/// <summary>
/// A file whose upload is complete: its asset, the media type it is submitted with, the upload's id, and how many
/// of its blocks this run sent (0 when an earlier run had completed it).
/// </summary>
internal sealed record UploadedFile(PlannedAsset Asset, string MediaType, Guid UploadId, long Size, int BlocksSent, int BlockCount);
