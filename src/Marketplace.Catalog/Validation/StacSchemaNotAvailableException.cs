namespace Marketplace.Catalog.Validation;

/// <summary>
/// A JSON Schema that could not be had: no local copy in the configured folders and fetching not allowed (or not
/// allowed for that URL), or the fetch failed. <see cref="Url"/> names the schema (for a missing reference, the
/// referenced URL); <see cref="ExpectedPath"/> is where a local copy was looked for.
/// </summary>
public sealed class StacSchemaNotAvailableException : Exception
{
    public StacSchemaNotAvailableException(string url, string? expectedPath, string reason, Exception? inner = null)
        : base($"The JSON schema '{url}' is not available{(expectedPath is null ? "" : $" (looked for '{expectedPath}')")}: {reason}.", inner)
    {
        Url = url;
        ExpectedPath = expectedPath;
        Reason = reason;
    }

    public StacSchemaNotAvailableException()
        : this("(unknown)", null, "no URL given")
    {
    }

    public StacSchemaNotAvailableException(string message)
        : base(message)
    {
        Url = "(unknown)";
        Reason = message;
    }

    public StacSchemaNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Url = "(unknown)";
        Reason = message;
    }

    public string Url { get; }

    public string? ExpectedPath { get; }

    public string Reason { get; }
}
