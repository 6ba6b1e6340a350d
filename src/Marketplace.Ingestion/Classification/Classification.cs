using System.Text.Json.Nodes;

namespace Marketplace.Ingestion.Classification;

/// <summary>A grade with the rules that produced it (each with its inputs), and whether a person must review it.</summary>
public sealed record Classification(string Grade, JsonArray Reasons, bool NeedsReview, string PolicyVersion);
