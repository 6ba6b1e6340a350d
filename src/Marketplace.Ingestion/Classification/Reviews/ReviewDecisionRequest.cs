namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>
/// A reviewer's decision: <c>approve</c> the grade under review, <c>reject</c> the product, or <c>regrade</c> it to
/// <see cref="Grade"/>. The comment is mandatory: it is what the audit log and the provider will read.
/// </summary>
public sealed record ReviewDecisionRequest(string? Decision, string? Comment, string? Grade);
