using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Cli.Http;

/// <summary>One audit log entry: its leaf index, its exact canonical bytes (base64, the Merkle leaf) and the same as JSON.</summary>
internal sealed record LogEntryView(
    [property: JsonPropertyName("leaf_index")] long LeafIndex,
    [property: JsonPropertyName("leaf_input")] string LeafInput,
    [property: JsonPropertyName("entry")] JsonElement Entry);
