namespace Marketplace.Cli.Uploads;

/// <summary>
/// How files are uploaded: <see cref="Parallel"/> blocks in flight at once, the block size to ask for (null: the
/// server's advice), and whether blocks go through the API instead of straight to Blob storage.
/// </summary>
internal sealed record FileUploadOptions(int Parallel, long? BlockSize, bool ThroughApi)
{
    public const int DefaultParallel = 4;
    public const int MaxParallel = 64;

    /// <summary>How many times one block is sent before the upload gives up (the first time included).</summary>
    public const int MaxAttempts = 4;
}
