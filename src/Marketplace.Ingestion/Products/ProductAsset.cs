namespace Marketplace.Ingestion.Products;

/// <summary>
/// A file of a product: its key in the STAC item, roles, media type, the upload it came from (or the asset it was
/// derived from), where it is stored, and what integrity checking found (size and SHA-256).
/// </summary>
public sealed class ProductAsset
{
    private ProductAsset() { }

    public Guid ProductId { get; private set; }

    /// <summary>The asset's key in the item's <c>assets</c>, e.g. <c>data</c>, <c>cog</c>, <c>thumbnail</c>.</summary>
    public string Key { get; private set; } = "";

    public string[] Roles { get; private set; } = [];

    public string MediaType { get; private set; } = "";

    public string? Title { get; private set; }

    /// <summary>The completed upload the provider named; null for derived assets.</summary>
    public Guid? UploadId { get; private set; }

    /// <summary>The asset this one was made from (a COG from the original, a thumbnail), or null.</summary>
    public string? DerivedFrom { get; private set; }

    /// <summary>Container-relative name of the stored blob.</summary>
    public string BlobName { get; private set; } = "";

    /// <summary>The ETag the blob had when its upload was sealed: every read requires it, so a blob changed since is never certified.</summary>
    public string? BlobETag { get; private set; }

    /// <summary>Whether the blob is in the staging container (as uploaded) or the products container (made by the pipeline).</summary>
    public bool InStaging { get; private set; }

    /// <summary>The provider's SHA-256 (lower-case hex), if declared.</summary>
    public string? DeclaredSha256 { get; private set; }

    /// <summary>SHA-256 computed by the integrity check, lower-case hex.</summary>
    public string? Sha256 { get; private set; }

    public long? Size { get; private set; }

    /// <summary>The format detected from the content.</summary>
    public string? DetectedFormat { get; private set; }

    /// <summary>What the provider declared about a time series asset (JSON of <see cref="TimeSeriesDeclaration"/>), or null.</summary>
    public string? TimeSeries { get; private set; }

    public static ProductAsset FromUpload(Guid productId, string key, string[] roles, string mediaType, string? title, Guid uploadId,
        string blobName, string? blobETag, string? declaredSha256, long size, string? timeSeries = null) => new()
    {
        BlobETag = blobETag,
        TimeSeries = timeSeries,
        ProductId = productId,
        Key = key,
        Roles = roles,
        MediaType = mediaType,
        Title = title,
        UploadId = uploadId,
        BlobName = blobName,
        InStaging = true,
        DeclaredSha256 = declaredSha256,
        Size = size,
    };

    public static ProductAsset Derived(Guid productId, string key, string[] roles, string mediaType, string title, string derivedFrom,
        string blobName, string sha256, long size) => new()
    {
        ProductId = productId,
        Key = key,
        Roles = roles,
        MediaType = mediaType,
        Title = title,
        DerivedFrom = derivedFrom,
        BlobName = blobName,
        InStaging = false,
        Sha256 = sha256,
        Size = size,
    };

    public void RecordIntegrity(string sha256, long size)
    {
        Sha256 = sha256;
        Size = size;
    }

    public void RecordFormat(string format) => DetectedFormat = format;

    /// <summary>Replaces a derived asset's content (a step that ran again after a crash writes the same asset again).</summary>
    public void ReplaceDerived(string mediaType, string blobName, string sha256, long size)
    {
        MediaType = mediaType;
        BlobName = blobName;
        BlobETag = null;
        Sha256 = sha256;
        Size = size;
    }
}
