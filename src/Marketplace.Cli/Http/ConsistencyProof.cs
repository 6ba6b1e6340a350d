using System.Text.Json.Serialization;

namespace Marketplace.Cli.Http;

/// <summary>RFC 9162 ConsistencyProofDataV2: the log, both tree sizes and the consistency path (base64 hashes).</summary>
internal sealed record ConsistencyProof(
    [property: JsonPropertyName("log_id")] string? LogId,
    [property: JsonPropertyName("tree_size_1")] long TreeSize1,
    [property: JsonPropertyName("tree_size_2")] long TreeSize2,
    [property: JsonPropertyName("consistency_path")] IReadOnlyList<string> ConsistencyPath);
