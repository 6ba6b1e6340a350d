namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>An installed policy version as the API shows it (the document itself at <c>/classification/policies/{version}/document</c>).</summary>
public sealed record PolicyView(string Version, long Number, string Sha256, DateTimeOffset InstalledAt, string InstalledBy, bool InForce)
{
    public static PolicyView From(StoredPolicy policy, bool inForce)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyView(policy.Version, policy.Number, policy.Sha256, policy.InstalledAt,
            policy.InstalledBySubject is { } subject ? $"{policy.InstalledByType}:{subject}" : policy.InstalledByType, inForce);
    }
}
