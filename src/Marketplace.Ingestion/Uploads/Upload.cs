namespace Marketplace.Ingestion.Uploads;

/// <summary>
/// One file a provider organization sends to the staging container, in blocks, straight to Blob storage or through the
/// API. The blob's name is made by the server; the client's file name is only a label.
/// </summary>
public sealed class Upload
{
    private Upload() { }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>The kind of principal that created the upload (<c>client</c>, <c>member</c>, <c>external</c>).</summary>
    public string CreatedByType { get; private set; } = "";

    public string? CreatedBySubject { get; private set; }

    /// <summary>The client's name for the file: a label, never part of a path.</summary>
    public string FileName { get; private set; } = "";

    public string MediaType { get; private set; } = "";

    /// <summary>Declared size in bytes; the committed blob must have exactly this size.</summary>
    public long Size { get; private set; }

    /// <summary>Declared SHA-256 of the whole file, lower-case hex, if the client gave one.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>Size of every planned block but the last, which holds the remainder.</summary>
    public long BlockSize { get; private set; }

    /// <summary>The blob's name in the staging container: <c>{organizationId}/{uploadId}</c>.</summary>
    public string BlobName { get; private set; } = "";

    /// <summary>The lease that seals the blob once completed; kept secret from clients.</summary>
    public Guid LeaseId { get; private set; }

    public UploadStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When an open upload is abandoned: no more blocks, and the expiry sweep deletes its blob.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When the upload was aborted, expired or consumed.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The ETag of the committed blob: a later change to the blob shows as a different ETag.</summary>
    public string? BlobETag { get; private set; }

    /// <summary>How many blocks the plan has: the size divided by the block size, rounded up.</summary>
    public int BlockCount => (int)((Size + BlockSize - 1) / BlockSize);

    public static Upload Open(Guid id, Uploader uploader, string fileName, string mediaType, long size, string? sha256,
        long blockSize, DateTimeOffset now, DateTimeOffset expiresAt) => new()
    {
        Id = id,
        OrganizationId = uploader.OrganizationId,
        CreatedByType = uploader.Actor.Type,
        CreatedBySubject = uploader.Actor.Subject,
        FileName = fileName,
        MediaType = mediaType,
        Size = size,
        Sha256 = sha256,
        BlockSize = blockSize,
        BlobName = $"{uploader.OrganizationId}/{id}",
        LeaseId = Guid.NewGuid(),
        Status = UploadStatus.Open,
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };

    /// <summary>Open and not yet past its expiry: it accepts blocks and may be completed.</summary>
    public bool AcceptsBlocksAt(DateTimeOffset now) => Status == UploadStatus.Open && now < ExpiresAt;

    /// <summary>The status a client sees: an open upload past its expiry is expired even before the sweep removes it.</summary>
    public UploadStatus StatusAt(DateTimeOffset now) =>
        Status == UploadStatus.Open && now >= ExpiresAt ? UploadStatus.Expired : Status;

    /// <summary>The planned length of block <paramref name="number"/>: the block size, or the remainder for the last block.</summary>
    public long PlannedLength(int number) => number == BlockCount - 1 ? Size - (BlockSize * (BlockCount - 1)) : BlockSize;

    public void Complete(DateTimeOffset now, string etag)
    {
        Status = UploadStatus.Completed;
        CompletedAt = now;
        BlobETag = etag;
    }

    public void Abort(DateTimeOffset now)
    {
        Status = UploadStatus.Aborted;
        EndedAt = now;
    }

    public void Expire(DateTimeOffset now)
    {
        Status = UploadStatus.Expired;
        EndedAt = now;
    }

    /// <summary>Hands a completed upload over to a product: it stops counting against the quota and can no longer be discarded.</summary>
    public void Consume(DateTimeOffset now)
    {
        if (Status != UploadStatus.Completed)
        {
            throw new InvalidOperationException($"Only a completed upload can be consumed; upload '{Id}' is {UploadViews.StatusName(Status)}.");
        }
        Status = UploadStatus.Consumed;
        EndedAt = now;
    }
}
