using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Marketplace.Platform.Storage;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// The staging container (<c>{prefix}staging</c>) where uploads land, one block blob per upload. It signs write-only
/// URLs for one blob each, reads block lists, stages blocks streamed through the API, commits, seals with a lease
/// and discards.
/// </summary>
public sealed class StagingArea
{
    /// <summary>A slow client may take long to send one block through the API; the transfer to storage waits for it.</summary>
    private static readonly TimeSpan StreamingTimeout = TimeSpan.FromMinutes(30);

    private readonly BlobContainerClient _container;
    private readonly BlobContainerClient _streaming;
    private volatile bool _created;

    public StagingArea(BlobServiceClient blobs, IOptions<StorageOptions> storage)
    {
        ContainerName = storage.Value.ContainerPrefix + "staging";
        _container = blobs.GetBlobContainerClient(ContainerName);
        // A request body can be read once: blocks streamed through the API are sent without retries (the client retries the block).
        var streamingOptions = new BlobClientOptions();
        streamingOptions.Retry.MaxRetries = 0;
        streamingOptions.Retry.NetworkTimeout = StreamingTimeout;
        _streaming = new BlobServiceClient(storage.Value.ConnectionString, streamingOptions).GetBlobContainerClient(ContainerName);
    }

    public string ContainerName { get; }

    /// <summary>Creates the container if it is missing; idempotent, and after the first success free.</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_created)
        {
            return;
        }
        await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
        _created = true;
    }

    /// <summary>A URL that may create and write exactly this blob (Put Block, Put Block List) until <paramref name="expiresOn"/>: no read, list or delete.</summary>
    public Uri WriteUrl(string blobName, DateTimeOffset expiresOn)
    {
        var blob = _container.GetBlobClient(blobName);
        if (!blob.CanGenerateSasUri)
        {
            throw new InvalidOperationException("Signing upload URLs needs the account key in Storage:ConnectionString.");
        }
        var sas = new BlobSasBuilder(BlobSasPermissions.Create | BlobSasPermissions.Write, expiresOn)
        {
            BlobContainerName = ContainerName,
            BlobName = blobName,
            Resource = "b",
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        return blob.GenerateSasUri(sas);
    }

    /// <summary>The committed and uncommitted blocks of the blob; empty when nothing arrived yet.</summary>
    public async Task<BlockList> ListBlocksAsync(string blobName, CancellationToken ct)
    {
        try
        {
            return (await _container.GetBlockBlobClient(blobName).GetBlockListAsync(BlockListTypes.All, cancellationToken: ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return BlobsModelFactory.BlockList(committedBlocks: [], uncommittedBlocks: []);
        }
    }

    /// <summary>
    /// Streams <paramref name="length"/> bytes of <paramref name="content"/> into one block (Stage Block) without
    /// buffering them; with <paramref name="md5"/>, storage refuses content that does not match it.
    /// </summary>
    public async Task StageBlockAsync(string blobName, string blockId, Stream content, long length, byte[]? md5, CancellationToken ct)
    {
        var options = new BlockBlobStageBlockOptions();
        if (md5 is not null)
        {
            options.TransferValidation = new UploadTransferValidationOptions
            {
                ChecksumAlgorithm = StorageChecksumAlgorithm.MD5,
                PrecalculatedChecksum = md5,
            };
        }
        await using var body = new DeclaredLengthStream(content, length);
        await _streaming.GetBlockBlobClient(blobName).StageBlockAsync(blockId, body, options, ct);
    }

    /// <summary>Commits the blocks in order (Put Block List, each id's latest copy) with the upload's content type and metadata.</summary>
    public Task CommitAsync(Upload upload, IReadOnlyList<string> blockIds, CancellationToken ct)
    {
        var blob = _container.GetBlockBlobClient(upload.BlobName);
        var metadata = new Dictionary<string, string>
        {
            ["upload_id"] = upload.Id.ToString(),
            ["organization_id"] = upload.OrganizationId.ToString(),
        };
        if (upload.Sha256 is not null)
        {
            metadata["sha256"] = upload.Sha256;
        }
        return LeaseAwareAsync(upload.LeaseId, conditions => blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = upload.MediaType },
            Metadata = metadata,
            Conditions = conditions,
        }, ct));
    }

    /// <summary>
    /// Seals the committed blob with an infinite lease only the server knows: writes through an upload URL fail from
    /// now on. Returns the blob's size and ETag as sealed.
    /// </summary>
    public async Task<(long Length, string ETag)> SealAsync(Upload upload, CancellationToken ct)
    {
        var blob = _container.GetBlockBlobClient(upload.BlobName);
        // Acquiring with the same lease id again is accepted, so a retried completion is harmless.
        await blob.GetBlobLeaseClient(upload.LeaseId.ToString()).AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration, cancellationToken: ct);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
        return (properties.ContentLength, properties.ETag.ToString());
    }

    /// <summary>Lifts the seal again, when what was sealed turned out not to be the declared file.</summary>
    public async Task UnsealAsync(Upload upload, CancellationToken ct) =>
        await _container.GetBlockBlobClient(upload.BlobName).GetBlobLeaseClient(upload.LeaseId.ToString()).ReleaseAsync(cancellationToken: ct);

    /// <summary>
    /// Deletes the blob and every uncommitted block: an empty commit drops uncommitted blocks at once (storage would
    /// otherwise keep them for a week), then the blob goes. Idempotent.
    /// </summary>
    public async Task DiscardAsync(Upload upload, CancellationToken ct)
    {
        var blob = _container.GetBlockBlobClient(upload.BlobName);
        try
        {
            await LeaseAwareAsync(upload.LeaseId, conditions =>
                blob.CommitBlockListAsync([], new CommitBlockListOptions { Conditions = conditions }, ct));
            await LeaseAwareAsync(upload.LeaseId, conditions =>
                blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, ct));
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound.ToString())
        {
            // Nothing was ever staged.
        }
    }

    /// <summary>Runs a write without a lease id and, when the blob turns out to be sealed, again with the upload's lease.</summary>
    private static async Task LeaseAwareAsync<T>(Guid leaseId, Func<BlobRequestConditions?, Task<T>> write)
    {
        try
        {
            await write(null);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.LeaseIdMissing.ToString())
        {
            await write(new BlobRequestConditions { LeaseId = leaseId.ToString() });
        }
    }
}
