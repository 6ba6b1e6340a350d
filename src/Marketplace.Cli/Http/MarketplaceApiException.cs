using System.Net;

namespace Marketplace.Cli.Http;

/// <summary>
/// The server answered a request with an error; the message names the request, the status, the title, the detail
/// and the field errors of a validation problem (RFC 9457).
/// </summary>
internal sealed class MarketplaceApiException : Exception
{
    public MarketplaceApiException()
    {
    }

    public MarketplaceApiException(string message)
        : base(message)
    {
    }

    public MarketplaceApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MarketplaceApiException(string message, HttpStatusCode status, string? title, string? detail)
        : base(message)
    {
        Status = status;
        Title = title;
        Detail = detail;
    }

    public HttpStatusCode? Status { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>The problem's <c>type</c> URI, when the answer was a problem document.</summary>
    public string? ProblemType { get; init; }

    /// <summary>The message without the field errors, which <see cref="FieldErrors"/> lists one by one.</summary>
    public string? Summary { get; init; }

    /// <summary>The field errors of a validation problem (<c>errors</c>), field name to messages; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = new Dictionary<string, string[]>();
}
