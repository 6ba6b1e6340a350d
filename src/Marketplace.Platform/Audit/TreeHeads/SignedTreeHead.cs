using System.Text.Json.Serialization;

namespace Marketplace.Platform.Audit.TreeHeads;

/// <summary>
/// A signed tree head: the log's size and root hash at a moment, signed by the platform. <see cref="Signature"/> is
/// a JWS (compact serialization, ES256) whose payload is the RFC 8785 canonical JSON of
/// <c>{"root_hash","timestamp","tree_size"}</c>; its key is in the JWKS under <see cref="KeyId"/>.
/// </summary>
public sealed record SignedTreeHead(
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("root_hash")] string RootHash,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("key_id")] string KeyId,
    [property: JsonPropertyName("signature")] string Signature);
