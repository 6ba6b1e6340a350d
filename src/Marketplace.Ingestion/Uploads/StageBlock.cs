using Azure;
using Azure.Storage.Blobs.Models;
using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// The fallback for clients that cannot reach Blob storage: one block of the plan, streamed from the request body
/// into Stage Block without being held in memory. Blocks may be sent in parallel and again after an interruption;
/// each must have its planned number and exact length.
/// </summary>
public sealed class StageBlock(IngestionDbContext db, StagingArea staging, TimeProvider clock)
{
    /// <summary>
    /// Stages block <paramref name="blockNumber"/> from <paramref name="content"/>. <paramref name="contentLength"/> is the
    /// body's declared length (null when sent chunked); <paramref name="contentMd5"/> is the Content-MD5 header (base64),
    /// if the client sent one, which storage checks the block against.
    /// </summary>
    public async Task<UploadOutcome<StagedBlock>> HandleAsync(Uploader uploader, Guid uploadId, int blockNumber, Stream content,
        long? contentLength, string? contentMd5, CancellationToken ct)
    {
        var upload = await db.Uploads.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == uploadId && u.OrganizationId == uploader.OrganizationId, ct);
        if (upload is null)
        {
            return UploadRefusals.NotFound<StagedBlock>(uploadId);
        }
        var now = clock.GetUtcNow();
        if (!upload.AcceptsBlocksAt(now))
        {
            return UploadRefusals.NotOpen<StagedBlock>(upload, now);
        }
        if (blockNumber < 0 || blockNumber >= upload.BlockCount)
        {
            return new UploadOutcome<StagedBlock>.Refused(ProblemTypes.UploadBlockNotInPlan,
                $"The upload's plan has blocks 0 to {upload.BlockCount - 1}; there is no block {blockNumber}.",
                new Dictionary<string, object?> { ["blockCount"] = upload.BlockCount });
        }
        if (contentLength is null)
        {
            return new UploadOutcome<StagedBlock>.Refused(ProblemTypes.LengthRequired,
                "Send the block with a Content-Length header; chunked bodies cannot be streamed to storage.");
        }
        var planned = upload.PlannedLength(blockNumber);
        if (contentLength != planned)
        {
            return new UploadOutcome<StagedBlock>.Refused(ProblemTypes.UploadBlockNotInPlan,
                $"Block {blockNumber} has {planned} bytes in the upload's plan; the request has {contentLength}.",
                new Dictionary<string, object?> { ["blockNumber"] = blockNumber, ["expectedLength"] = planned });
        }
        byte[]? md5 = null;
        if (contentMd5 is not null)
        {
            md5 = new byte[16];
            if (!Convert.TryFromBase64String(contentMd5, md5, out var written) || written != md5.Length)
            {
                return UploadRefusals.Invalid<StagedBlock>(new FieldErrors().Add("Content-MD5", "Use the base64 of the block's 16-byte MD5 digest."));
            }
        }
        var id = BlockIds.For(blockNumber);
        try
        {
            await staging.StageBlockAsync(upload.BlobName, id, content, planned, md5, ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.LeaseIdMissing.ToString())
        {
            // Completed while this block was on its way: the blob is sealed.
            return UploadRefusals.NotOpen<StagedBlock>(upload, now);
        }
        catch (RequestFailedException e) when (md5 is not null && IsChecksumMismatch(e))
        {
            return new UploadOutcome<StagedBlock>.Refused(ProblemTypes.UploadBlockChecksumMismatch,
                $"Block {blockNumber} does not match its Content-MD5; it was not stored.");
        }
        return new StagedBlock(id, blockNumber, planned);
    }

    /// <summary>Blob storage answers Md5Mismatch; Azurite answers InvalidOperation saying the MD5 does not match.</summary>
    private static bool IsChecksumMismatch(RequestFailedException e) =>
        e.ErrorCode == BlobErrorCode.Md5Mismatch.ToString()
        || (e.Status == 400 && e.Message.Contains("md5", StringComparison.OrdinalIgnoreCase));
}
