namespace Marketplace.Cli.Uploads;

/// <summary>Where an upload's blocks go: straight to Blob storage through the write URL, or through the API as a fallback.</summary>
internal interface IBlockWriter
{
    /// <summary>Says where blocks go, for people: "Blob storage" or "the API".</summary>
    string Route { get; }

    /// <summary>
    /// Stores block <paramref name="number"/> (id <paramref name="blockId"/>); <paramref name="content"/> makes its
    /// body, again for each time it is sent.
    /// </summary>
    /// <exception cref="BlockTransferException">The block was refused.</exception>
    Task WriteAsync(int number, string blockId, Func<HttpContent> content, CancellationToken ct);
}
