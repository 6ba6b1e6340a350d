using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Platform.Canonicalization;

namespace Marketplace.Platform.Audit.TreeHeads;

/// <summary>What a tree head signature covers: size, root (base64) and timestamp (milliseconds since the Unix epoch).</summary>
public sealed record TreeHeadBody(
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("root_hash")] string RootHash,
    [property: JsonPropertyName("timestamp")] long Timestamp)
{
    public byte[] ToCanonicalBytes() => JsonCanonicalizer.Serialize(this, JsonSerializerOptions.Default);
}
