using Azure.Storage.Blobs.Models;

namespace Marketplace.Ingestion.Uploads;

/// <summary>Builds what clients see of an upload.</summary>
public static class UploadViews
{
    public static string StatusName(UploadStatus status) => status.ToString().ToLowerInvariant();

    public static UploadView From(Upload upload, DateTimeOffset now, UploadOptions options, Uri? uploadUrl = null,
        DateTimeOffset? uploadUrlExpiresAt = null, UploadProgress? received = null) => new(
        upload.Id,
        StatusName(upload.StatusAt(now)),
        upload.FileName,
        upload.MediaType,
        upload.Size,
        upload.Sha256,
        upload.CreatedAt,
        upload.ExpiresAt,
        upload.CompletedAt,
        new BlockPlan(upload.BlockSize, upload.BlockCount, options.MinBlockBytes, options.MaxBlockBytes, UploadOptions.MaxBlocksPerBlob, BlockIds.Format),
        uploadUrl,
        uploadUrlExpiresAt,
        received);

    /// <summary>The blocks storage holds, and which of the plan's blocks are still missing.</summary>
    public static UploadProgress Progress(Upload upload, BlockList blocks)
    {
        var committed = (blocks.CommittedBlocks ?? []).Select(ToStaged).ToList();
        var uncommitted = (blocks.UncommittedBlocks ?? []).Select(ToStaged).ToList();
        // A block id staged again after a commit has its latest copy among the uncommitted blocks.
        var latest = committed.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var block in uncommitted)
        {
            latest[block.Id] = block;
        }
        // A completed upload misses nothing, whatever block ids its client chose.
        var missing = upload.Status == UploadStatus.Open
            ? Enumerable.Range(0, upload.BlockCount).Where(n => !latest.ContainsKey(BlockIds.For(n))).ToList()
            : [];
        return new UploadProgress(
            latest.Values.Sum(b => b.Size),
            committed.Sum(b => b.Size),
            uncommitted.Sum(b => b.Size),
            committed,
            uncommitted,
            missing);
    }

    private static StagedBlock ToStaged(BlobBlock block) => new(block.Name, BlockIds.NumberOf(block.Name), block.SizeLong);
}
