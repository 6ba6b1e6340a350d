using System.Text.Json.Serialization;

namespace Marketplace.Cli.Http;

/// <summary>A page of audit log entries the caller may see, and the log's size when it was read.</summary>
internal sealed record EntriesPage(
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("entries")] IReadOnlyList<LogEntryView> Entries);
