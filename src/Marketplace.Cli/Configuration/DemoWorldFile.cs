using System.Text.Json.Serialization;

namespace Marketplace.Cli.Configuration;

/// <summary>The parts of the demo world file (written by the host's <c>seed-demo</c> command) that the CLI reads.</summary>
internal sealed record DemoWorldFile(
    [property: JsonPropertyName("baseUrl")] string? BaseUrl,
    [property: JsonPropertyName("clients")] IReadOnlyList<DemoWorldClient>? Clients);
