using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Marketplace.Ingestion.Products;
using Marketplace.Platform.Storage;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Pipeline;

/// <summary>
/// The files of products in Blob storage: uploaded assets stay where they were staged (sealed), files the pipeline
/// makes (COGs, thumbnails, certification reports) go to the products container under <c>{productId}/</c>, with
/// names chosen by the server, so writing one again after a crash replaces it.
/// </summary>
public sealed class ProductFiles(BlobServiceClient blobs, IOptions<StorageOptions> storage)
{
    private readonly BlobContainerClient _staging = blobs.GetBlobContainerClient(storage.Value.ContainerPrefix + "staging");
    private readonly BlobContainerClient _products = blobs.GetBlobContainerClient(storage.Value.ContainerPrefix + "products");

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        try
        {
            await _products.CreateIfNotExistsAsync(cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerBeingDeleted.ToString())
        {
            throw new InvalidOperationException("The products container is being deleted; try again shortly.", e);
        }
    }

    public BlobClient Blob(ProductAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return (asset.InStaging ? _staging : _products).GetBlobClient(asset.BlobName);
    }

    /// <summary>Reads require the ETag the blob had when it was sealed; a blob changed since fails with <see cref="BlobChangedException"/>.</summary>
    public async Task<Stream> OpenReadAsync(ProductAsset asset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        try
        {
            return await Blob(asset).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false)
            {
                BufferSize = 4 << 20, Conditions = Sealed(asset),
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new BlobChangedException(asset.Key, e);
        }
    }

    private static BlobRequestConditions? Sealed(ProductAsset asset) =>
        asset.BlobETag is { } etag ? new BlobRequestConditions { IfMatch = new ETag(etag) } : null;

    /// <summary>Reads at most <paramref name="count"/> bytes from the start of the asset.</summary>
    public async Task<byte[]> ReadHeadAsync(ProductAsset asset, int count, CancellationToken ct)
    {
        var length = Math.Min(count, asset.Size ?? count);
        if (length <= 0)
        {
            return [];
        }
        return await DownloadAsync(asset, new HttpRange(0, length), ct);
    }

    /// <summary>Reads at most <paramref name="count"/> bytes from the end of the asset.</summary>
    public async Task<byte[]> ReadTailAsync(ProductAsset asset, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var size = asset.Size ?? 0;
        if (size <= 0)
        {
            return [];
        }
        var length = Math.Min(count, size);
        return await DownloadAsync(asset, new HttpRange(size - length, length), ct);
    }

    private async Task<byte[]> DownloadAsync(ProductAsset asset, HttpRange range, CancellationToken ct)
    {
        try
        {
            var response = await Blob(asset).DownloadContentAsync(new BlobDownloadOptions { Range = range, Conditions = Sealed(asset) }, ct);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new BlobChangedException(asset.Key, e);
        }
    }

    /// <summary>Stores a file the pipeline made under the product's folder; returns its blob name, SHA-256 and size.</summary>
    public async Task<(string BlobName, string Sha256, long Size)> StoreAsync(Guid productId, string name, string path, string mediaType, CancellationToken ct)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(input, ct));
        input.Position = 0;
        return (await StoreAsync(productId, name, input, mediaType, ct), sha256, input.Length);
    }

    public async Task<string> StoreAsync(Guid productId, string name, Stream content, string mediaType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blobName = $"{productId}/{name}";
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = mediaType } };
        var start = content.Position;
        try
        {
            await _products.GetBlobClient(blobName).UploadAsync(content, options, ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound.ToString())
        {
            // The first file of an installation: make the container, then write again from the start.
            await EnsureCreatedAsync(ct);
            content.Position = start;
            await _products.GetBlobClient(blobName).UploadAsync(content, options, ct);
        }
        return blobName;
    }
}
