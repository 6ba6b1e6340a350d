using System.ComponentModel.DataAnnotations;

namespace Marketplace.Ingestion.Formats;

/// <summary>Settings of <see cref="FormatDetector"/> (section <c>Ingestion:FormatDetection</c>).</summary>
public sealed class FormatDetectionOptions
{
    public const string Section = "Ingestion:FormatDetection";

    /// <summary>How many bytes from the start of a file are examined.</summary>
    [Range(512, 16 * 1024 * 1024)]
    public int HeadBytes { get; set; } = 64 * 1024;

    /// <summary>How many bytes from the end of a seekable file are read (Parquet's closing magic needs 4).</summary>
    [Range(4, 1024 * 1024)]
    public int TailBytes { get; set; } = 8;

    /// <summary>
    /// Consecutive plausible primary headers needed to call content space packets (fewer if the file ends sooner).
    /// Space packets have no magic number, so this guards against chance matches.
    /// </summary>
    [Range(1, 1000)]
    public int MinSpacePackets { get; set; } = 2;

    /// <summary>CSV records examined for a consistent number of fields.</summary>
    [Range(2, 10_000)]
    public int CsvSampleRecords { get; set; } = 20;
}
