using System.Globalization;
using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Uploads;

/// <param name="BlockIds">
/// The blob's blocks in order (Blob storage needs an explicit list). Left out or null: blocks 0 to n-1 of the upload's
/// plan, in number order.
/// </param>
public sealed record CompleteUploadRequest(IReadOnlyList<string>? BlockIds);

/// <summary>
/// Completes an open upload: checks that every listed block arrived and that together they have exactly the declared
/// size (before committing, so nothing staged is lost when they do not), commits the block list, seals the blob with
/// a lease so upload URLs can no longer change it, and marks the upload completed with its audit entry. Completing a
/// completed upload again answers the same.
/// </summary>
public sealed class CompleteUpload(IngestionDbContext db, StagingArea staging, IAuditTrail audit, IOptions<UploadOptions> options, TimeProvider clock)
{
    /// <summary>How many missing block ids a refusal names; the count is always given.</summary>
    public const int MaxMissingListed = 1000;

    public async Task<UploadOutcome<UploadView>> HandleAsync(Uploader uploader, Guid uploadId, CompleteUploadRequest? request, CancellationToken ct)
    {
        var listed = request?.BlockIds;
        if (listed is not null && Validate(listed) is { Any: true } errors)
        {
            return UploadRefusals.Invalid<UploadView>(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var upload = await db.Uploads.FindForUpdateAsync(uploadId, uploader.OrganizationId, ct);
        if (upload is null)
        {
            return UploadRefusals.NotFound<UploadView>(uploadId);
        }
        var now = clock.GetUtcNow();
        if (upload.Status == UploadStatus.Completed)
        {
            return UploadViews.From(upload, now, options.Value);
        }
        if (!upload.AcceptsBlocksAt(now))
        {
            return UploadRefusals.NotOpen<UploadView>(upload, now);
        }
        var order = listed ?? Enumerable.Range(0, upload.BlockCount).Select(BlockIds.For).ToList();
        var progress = UploadViews.Progress(upload, await staging.ListBlocksAsync(upload.BlobName, ct));
        // Put Block List commits each id's latest copy: an uncommitted block replaces a committed one of the same id.
        var sizes = progress.CommittedBlocks.Concat(progress.UncommittedBlocks).GroupBy(b => b.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Size, StringComparer.Ordinal);
        var missing = order.Where(id => !sizes.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return new UploadOutcome<UploadView>.Refused(ProblemTypes.UploadBlocksMissing,
                $"{missing.Count} of the {order.Count} blocks to commit were not received.",
                new Dictionary<string, object?>
                {
                    ["missingCount"] = missing.Count,
                    ["missingBlockIds"] = missing.Take(MaxMissingListed).ToList(),
                    ["missingBlocks"] = missing.Take(MaxMissingListed).Select(BlockIds.NumberOf).OfType<int>().ToList(),
                });
        }
        var received = order.Sum(id => sizes[id]);
        if (received != upload.Size)
        {
            return SizeMismatch(upload, received);
        }

        await staging.CommitAsync(upload, order, ct);
        var (length, etag) = await staging.SealAsync(upload, ct);
        if (length != upload.Size)
        {
            // A block was replaced between the check and the commit: leave the upload open and writable.
            await staging.UnsealAsync(upload, ct);
            return SizeMismatch(upload, length);
        }
        upload.Complete(now, etag);
        var details = new Dictionary<string, string>
        {
            ["size"] = upload.Size.ToString(CultureInfo.InvariantCulture),
            ["blocks"] = order.Count.ToString(CultureInfo.InvariantCulture),
            ["etag"] = etag,
        };
        if (upload.Sha256 is not null)
        {
            details["sha256"] = upload.Sha256;
        }
        await db.SaveAndRecordAsync(audit, new AuditEvent("upload.completed", uploader.Actor, [$"upload:{upload.Id}"], [upload.OrganizationId],
            Details: details), ct);
        await transaction.CommitAsync(ct);
        return UploadViews.From(upload, now, options.Value);
    }

    private static UploadOutcome<UploadView> SizeMismatch(Upload upload, long received) =>
        new UploadOutcome<UploadView>.Refused(ProblemTypes.UploadSizeMismatch,
            $"The blocks to commit hold {received} bytes; the upload declared {upload.Size}.",
            new Dictionary<string, object?> { ["declaredSize"] = upload.Size, ["receivedSize"] = received });

    private static FieldErrors Validate(IReadOnlyList<string> ids)
    {
        var errors = new FieldErrors();
        if (ids.Count is 0 or > UploadOptions.MaxBlocksPerBlob)
        {
            errors.Add("blockIds", $"List 1 to {UploadOptions.MaxBlocksPerBlob} block ids, or leave the list out to commit the plan's blocks in order.");
            return errors;
        }
        for (var i = 0; i < ids.Count; i++)
        {
            if (!BlockIds.IsValid(ids[i]))
            {
                errors.Add("blockIds", $"The block id at index {i} is not base64 of 1 to {BlockIds.MaxIdBytes} bytes.");
                return errors;
            }
        }
        if (ids.Select(id => id.Length).Distinct().Skip(1).Any())
        {
            errors.Add("blockIds", "All block ids of an upload must have the same length.");
        }
        else if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            errors.Add("blockIds", "Each block id may appear once.");
        }
        return errors;
    }
}
