using System.Text.Json.Serialization;

namespace Marketplace.Cli.Http;

/// <summary>
/// An error body: RFC 9457 problem details (<c>title</c>, <c>status</c>, <c>detail</c>, and <c>errors</c> for
/// validation problems) or an OAuth 2.0 error response (<c>error</c>, <c>error_description</c>, RFC 6749 section 5.2).
/// </summary>
internal sealed record ApiProblem(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string[]>? Errors,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
