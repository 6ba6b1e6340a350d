using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Api.Stac;

/// <summary>
/// JSON answers with a strong ETag over their bytes (RFC 9110 section 8.8.3); a matching If-None-Match gets 304 Not
/// Modified without a body, so clients and caches re-download an item or collection only when it changed.
/// </summary>
internal static class StacResults
{
    public static IResult JsonWithETag(HttpContext http, JsonNode document, string contentType) =>
        JsonWithETag(http, System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()), contentType);

    public static IResult JsonWithETag(HttpContext http, byte[] bytes, string contentType)
    {
        var etag = new EntityTagHeaderValue("\"" + WebEncoders.Base64UrlEncode(SHA256.HashData(bytes).AsSpan(0, 18)) + "\"");
        http.Response.Headers.ETag = etag.ToString();
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(bytes, contentType);
    }
}
