namespace Marketplace.Ingestion.Products;

/// <summary>Where one pipeline step of a product stands.</summary>
public enum StepState
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Skipped,
}
