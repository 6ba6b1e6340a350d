namespace Marketplace.Cli.Uploads;

/// <summary>The content of the upload state file: its format version and the uploads that may be resumed.</summary>
internal sealed record UploadState(int Version, IReadOnlyList<UploadStateEntry> Uploads)
{
    public const int CurrentVersion = 1;

    public static UploadState Empty { get; } = new(CurrentVersion, []);
}
