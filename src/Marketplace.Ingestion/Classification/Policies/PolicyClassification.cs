using System.Text.Json.Nodes;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// A grade under a policy, the rules that fired (each with its inputs), whether a reviewer must look at it, and when
/// to grade again because an embargo ends (null when no embargo is in force).
/// </summary>
public sealed record PolicyClassification(string Grade, JsonArray Reasons, bool NeedsReview, string PolicyVersion, DateTimeOffset? RegradeAt);
