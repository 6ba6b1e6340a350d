using System.Text.Json.Serialization;

namespace Marketplace.Cli.Configuration;

/// <summary>A saved profile: <c>{"url", "clientId", "clientSecret"}</c>, every member optional.</summary>
internal sealed record ProfileFile(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("clientId")] string? ClientId,
    [property: JsonPropertyName("clientSecret")] string? ClientSecret);
