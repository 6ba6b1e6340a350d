using System.Net;

namespace Marketplace.Cli.Http;

/// <summary>The server answered a request with an error; the message names the request, the status, the title and the detail.</summary>
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
}
