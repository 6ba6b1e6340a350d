namespace Marketplace.Ingestion.Findings;

/// <summary>How much a finding matters: any <see cref="Error"/> rejects the product.</summary>
public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}
