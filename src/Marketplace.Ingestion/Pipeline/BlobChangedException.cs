namespace Marketplace.Ingestion.Pipeline;

/// <summary>An asset's blob is no longer the one its upload sealed (its ETag changed): the product cannot be certified.</summary>
public sealed class BlobChangedException : Exception
{
    public BlobChangedException()
    {
    }

    public BlobChangedException(string message)
        : base(message)
    {
    }

    public BlobChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BlobChangedException(string assetKey, Azure.RequestFailedException innerException)
        : base($"The stored file of asset '{assetKey}' changed after its upload was sealed.", innerException)
    {
        AssetKey = assetKey;
    }

    public string? AssetKey { get; }
}
