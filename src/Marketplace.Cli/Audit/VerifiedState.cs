using System.Text.Json.Serialization;

namespace Marketplace.Cli.Audit;

/// <summary>The last tree head this client verified: its size and its root hash (base64). Later heads must be consistent with it.</summary>
internal sealed record VerifiedState(
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("root_hash")] string RootHash);
