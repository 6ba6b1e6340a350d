using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Uploads;

/// <param name="FileName">The client's name for the file: a label, never a path.</param>
/// <param name="Size">The file's exact size in bytes.</param>
/// <param name="MediaType">type/subtype, e.g. <c>image/tiff</c>.</param>
/// <param name="Sha256">Optional SHA-256 of the whole file, 64 hex digits; kept with the blob for certification to check.</param>
/// <param name="BlockSize">Optional block size of the client's plan; the server advises one otherwise.</param>
public sealed record CreateUploadRequest(string? FileName, long? Size, string? MediaType, string? Sha256, long? BlockSize);

/// <summary>
/// Opens an upload for the caller's organization: validates the request, checks the organization's quota before any
/// byte flows (bytes of open and completed uploads, and the number of open uploads), records the upload and its audit
/// entry in one transaction, and hands out a short-lived write-only URL for exactly one server-named blob.
/// </summary>
public sealed partial class CreateUpload(
    IngestionDbContext db, UploadQuotas quotas, StagingArea staging, IAuditTrail audit, IOptions<UploadOptions> options, TimeProvider clock)
{
    public async Task<UploadOutcome<UploadView>> HandleAsync(Uploader uploader, CreateUploadRequest request, CancellationToken ct)
    {
        var settings = options.Value;
        var errors = Validate(request, settings);
        if (errors.Any)
        {
            return UploadRefusals.Invalid<UploadView>(errors);
        }
        var size = request.Size!.Value;
        var blockSize = request.BlockSize ?? settings.AdvisedBlockSize(size);
        var now = clock.GetUtcNow();
        await staging.EnsureCreatedAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await quotas.LockAsync(uploader.OrganizationId, ct);
        var usage = await quotas.UsageAsync(uploader.OrganizationId, now, ct);
        if (usage.OpenUploads >= usage.MaxConcurrentUploads)
        {
            return new UploadOutcome<UploadView>.Refused(ProblemTypes.UploadConcurrencyQuotaExceeded,
                $"The organization has {usage.OpenUploads} open uploads and may have at most {usage.MaxConcurrentUploads}.",
                new Dictionary<string, object?> { ["maxConcurrentUploads"] = usage.MaxConcurrentUploads, ["openUploads"] = usage.OpenUploads });
        }
        if (usage.UsedBytes + size > usage.MaxBytes)
        {
            return new UploadOutcome<UploadView>.Refused(ProblemTypes.UploadStorageQuotaExceeded,
                $"The organization's uploads hold {usage.UsedBytes} bytes of its {usage.MaxBytes}; {size} more do not fit.",
                new Dictionary<string, object?> { ["maxBytes"] = usage.MaxBytes, ["usedBytes"] = usage.UsedBytes, ["requestedBytes"] = size });
        }
        var upload = Upload.Open(Guid.CreateVersion7(now), uploader, request.FileName!, request.MediaType!.ToLowerInvariant(), size,
            request.Sha256?.ToLowerInvariant(), blockSize, now, now.AddHours(settings.ExpireAfterHours));
        db.Uploads.Add(upload);
        var details = new Dictionary<string, string>
        {
            ["fileName"] = upload.FileName,
            ["mediaType"] = upload.MediaType,
            ["size"] = upload.Size.ToString(CultureInfo.InvariantCulture),
        };
        if (upload.Sha256 is not null)
        {
            details["sha256"] = upload.Sha256;
        }
        await db.SaveAndRecordAsync(audit, new AuditEvent("upload.created", uploader.Actor, [$"upload:{upload.Id}"], [upload.OrganizationId],
            Details: details), ct);
        await transaction.CommitAsync(ct);

        var urlExpiresAt = WriteUrlExpiry(upload, now, settings);
        return UploadViews.From(upload, now, settings, staging.WriteUrl(upload.BlobName, urlExpiresAt), urlExpiresAt);
    }

    /// <summary>A write URL lives a few minutes, and never past the upload's own expiry.</summary>
    public static DateTimeOffset WriteUrlExpiry(Upload upload, DateTimeOffset now, UploadOptions settings)
    {
        var expiry = now.AddMinutes(settings.WriteUrlMinutes);
        return expiry < upload.ExpiresAt ? expiry : upload.ExpiresAt;
    }

    private static FieldErrors Validate(CreateUploadRequest request, UploadOptions settings)
    {
        var errors = new FieldErrors();
        UploadFileNames.Check(request.FileName, "fileName", errors);
        var size = request.Size;
        if (size is null || size < 1 || size > settings.MaxUploadBytes)
        {
            errors.Add("size", $"Declare the file's size in bytes, from 1 to {settings.MaxUploadBytes}.");
            size = null;
        }
        if (request.MediaType is null || !MediaTypePattern().IsMatch(request.MediaType))
        {
            errors.Add("mediaType", "Use a media type such as image/tiff or application/octet-stream (type/subtype, without parameters).");
        }
        if (request.Sha256 is not null && !Sha256Pattern().IsMatch(request.Sha256))
        {
            errors.Add("sha256", "Use the SHA-256 of the whole file as 64 hexadecimal digits, or leave it out.");
        }
        if (request.BlockSize is { } blockSize)
        {
            if (blockSize < settings.MinBlockBytes || blockSize > settings.MaxBlockBytes)
            {
                errors.Add("blockSize", $"Use a block size from {settings.MinBlockBytes} to {settings.MaxBlockBytes} bytes, or leave it out for the advised one.");
            }
            else if (size is { } declared && (declared + blockSize - 1) / blockSize > UploadOptions.MaxBlocksPerBlob)
            {
                errors.Add("blockSize", $"Blocks of {blockSize} bytes would make more than {UploadOptions.MaxBlocksPerBlob} blocks; use at least {(declared + UploadOptions.MaxBlocksPerBlob - 1) / UploadOptions.MaxBlocksPerBlob}.");
            }
        }
        return errors;
    }

    /// <summary>RFC 6838 type and subtype names, without parameters.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex MediaTypePattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
