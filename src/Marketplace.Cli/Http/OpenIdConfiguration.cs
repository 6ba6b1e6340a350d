using System.Text.Json.Serialization;

namespace Marketplace.Cli.Http;

/// <summary>The one member of the OpenID Connect discovery document the CLI needs: where the JWKS is.</summary>
internal sealed record OpenIdConfiguration([property: JsonPropertyName("jwks_uri")] string? JwksUri);
