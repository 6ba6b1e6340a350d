using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Formats.Sniffing;

/// <summary>A recognised format and, when the content is damaged, what is wrong with it.</summary>
internal sealed record SniffResult(DetectedFormat Format, Finding? Problem = null);
