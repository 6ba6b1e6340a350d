namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>Approve the grade under review, reject the product, or set another grade (which counts as approving it).</summary>
public enum ReviewDecisionKind
{
    Approve,
    Reject,
    Regrade,
}
