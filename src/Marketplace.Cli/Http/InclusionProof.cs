using System.Text.Json.Serialization;

namespace Marketplace.Cli.Http;

/// <summary>RFC 9162 InclusionProofDataV2: the log, the tree size, the leaf index and the inclusion path (base64 hashes).</summary>
internal sealed record InclusionProof(
    [property: JsonPropertyName("log_id")] string? LogId,
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("leaf_index")] long LeafIndex,
    [property: JsonPropertyName("inclusion_path")] IReadOnlyList<string> InclusionPath);
