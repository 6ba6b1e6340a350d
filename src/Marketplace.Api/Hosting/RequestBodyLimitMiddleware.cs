using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Hosting;

/// <summary>
/// Refuses bodies over the limit with 413 before reading them when the length is declared, and makes the server
/// stop reading a chunked body at the limit. An endpoint's own size limit metadata takes precedence.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            await ProblemResponses.WriteAsync(http, ProblemTypes.PayloadTooLarge,
                $"The request body has {http.Request.ContentLength} bytes; this endpoint accepts at most {limit}.");
            return;
        }
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
        else if (http.Request.ContentLength is null && limit is long max)
        {
            http.Request.Body = new LengthLimitedStream(http.Request.Body, max);
        }
        await next(http);
    }
}
