using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Uploads;

/// <summary>Limits and timings of provider uploads (section <c>Uploads</c>); quotas may be overridden per organization.</summary>
public sealed class UploadOptions : IValidatableObject
{
    public const string Section = "Uploads";

    /// <summary>Blob storage commits at most this many blocks into one block blob.</summary>
    public const int MaxBlocksPerBlob = 50_000;

    /// <summary>The largest block Blob storage accepts (4000 MiB).</summary>
    public const long MaxBlobBlockBytes = 4000L * Mebibyte;

    private const long Mebibyte = 1024 * 1024;

    /// <summary>The largest file one upload may declare.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 1024L * 1024 * Mebibyte;

    /// <summary>The smallest block size a client may plan (the last block may be shorter).</summary>
    [Range(64 * 1024, MaxBlobBlockBytes)]
    public long MinBlockBytes { get; set; } = Mebibyte;

    /// <summary>The block size advised when the client does not choose one (larger for files that would need too many blocks).</summary>
    [Range(64 * 1024, MaxBlobBlockBytes)]
    public long RecommendedBlockBytes { get; set; } = 8 * Mebibyte;

    /// <summary>The largest block size a client may plan, and the request size limit of blocks sent through the API.</summary>
    [Range(64 * 1024, MaxBlobBlockBytes)]
    public long MaxBlockBytes { get; set; } = 100 * Mebibyte;

    /// <summary>How long a write URL stays valid; a client asks for a fresh one with GET /uploads/{id}.</summary>
    [Range(1, 60)]
    public int WriteUrlMinutes { get; set; } = 15;

    /// <summary>How long after its creation an upload that was not completed expires.</summary>
    [Range(1, 24 * 30)]
    public int ExpireAfterHours { get; set; } = 24;

    /// <summary>How often the worker looks for expired uploads to delete.</summary>
    [Range(5, 24 * 3600)]
    public int ExpirySweepSeconds { get; set; } = 300;

    /// <summary>Bytes an organization's open and completed (not yet consumed) uploads may hold together, unless overridden.</summary>
    [Range(0, long.MaxValue)]
    public long DefaultMaxBytesPerOrganization { get; set; } = 2048L * 1024 * Mebibyte;

    /// <summary>How many uploads an organization may have open at once, unless overridden.</summary>
    [Range(0, 100_000)]
    public int DefaultMaxConcurrentUploads { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinBlockBytes > RecommendedBlockBytes || RecommendedBlockBytes > MaxBlockBytes)
        {
            yield return new ValidationResult("Block sizes must satisfy MinBlockBytes <= RecommendedBlockBytes <= MaxBlockBytes.",
                [nameof(MinBlockBytes), nameof(RecommendedBlockBytes), nameof(MaxBlockBytes)]);
        }
        if (MaxUploadBytes > MaxBlockBytes * MaxBlocksPerBlob)
        {
            yield return new ValidationResult($"MaxUploadBytes cannot exceed MaxBlockBytes x {MaxBlocksPerBlob} blocks.",
                [nameof(MaxUploadBytes)]);
        }
    }

    /// <summary>
    /// The advised block size for a file: <see cref="RecommendedBlockBytes"/>, or for large files the smallest whole number
    /// of mebibytes that keeps the plan within <see cref="MaxBlocksPerBlob"/> blocks.
    /// </summary>
    public long AdvisedBlockSize(long size)
    {
        var needed = (size + MaxBlocksPerBlob - 1) / MaxBlocksPerBlob;
        var roundedUp = (needed + Mebibyte - 1) / Mebibyte * Mebibyte;
        return Math.Clamp(Math.Max(RecommendedBlockBytes, roundedUp), MinBlockBytes, MaxBlockBytes);
    }
}
