using System.Net;
using Marketplace.Cli.Http;

namespace Marketplace.Cli.Uploads;

/// <summary>Which failures of a block transfer are worth sending the block again for.</summary>
internal static class TransientFailures
{
    /// <summary>Busy, throttled or failing servers: 408, 429, 500, 502, 503, 504.</summary>
    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Network failures, timeouts (a cancellation that <paramref name="ct"/> did not ask for), and answers of a
    /// transient status. Never a cancellation the user asked for.
    /// </summary>
    public static bool IsTransient(Exception failure, CancellationToken ct) => failure switch
    {
        _ when ct.IsCancellationRequested => false,
        HttpRequestException => true,
        OperationCanceledException => true,
        BlockTransferException block => block.Transient,
        MarketplaceApiException { Status: { } status } => IsTransient(status),
        _ => false,
    };
}
