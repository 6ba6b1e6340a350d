namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>Open until approved (enough reviewers), rejected (one reviewer), or superseded by a later policy grade.</summary>
public enum ReviewState
{
    Open,
    Approved,
    Rejected,
    Superseded,
}
