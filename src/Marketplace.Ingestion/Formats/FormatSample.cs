namespace Marketplace.Ingestion.Formats;

/// <summary>
/// What format detection looks at: the first bytes of a file, optionally its last bytes and length, and what the
/// provider declared for the asset (STAC <c>type</c> and <c>roles</c>).
/// </summary>
/// <param name="Head">The first bytes, up to <see cref="FormatDetectionOptions.HeadBytes"/>; the whole file if it is shorter.</param>
/// <param name="DeclaredMediaType">The asset's declared media type, or <c>null</c> if none was given.</param>
/// <param name="Roles">The asset's roles (e.g. <c>data</c>, <c>thumbnail</c>).</param>
public sealed record FormatSample(ReadOnlyMemory<byte> Head, string? DeclaredMediaType, IReadOnlyList<string> Roles)
{
    /// <summary>The last bytes of the file when <see cref="Head"/> does not reach its end (Parquet ends with "PAR1"); empty if not known.</summary>
    public ReadOnlyMemory<byte> Tail { get; init; }

    /// <summary>The file's length in bytes, if known.</summary>
    public long? TotalLength { get; init; }

    /// <summary>Whether <see cref="Head"/> is known to be the whole file.</summary>
    public bool IsComplete => TotalLength == Head.Length;
}
