namespace Marketplace.Ingestion.Formats;

/// <summary>
/// A format the marketplace accepts and the media types an asset of that format may declare; the first is the one
/// to suggest.
/// </summary>
public sealed record AllowedFormat(DetectedFormat Format, string Name, IReadOnlyList<MediaType> MediaTypes)
{
    public MediaType PreferredMediaType => MediaTypes[0];

    public bool Accepts(MediaType declared) => MediaTypes.Contains(declared);
}
