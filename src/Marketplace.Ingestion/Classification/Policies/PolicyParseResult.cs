namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>A parsed policy, or the reasons it was refused (then <see cref="Policy"/> is null).</summary>
public sealed record PolicyParseResult(ClassificationPolicy? Policy, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Policy is not null && Errors.Count == 0;
}
