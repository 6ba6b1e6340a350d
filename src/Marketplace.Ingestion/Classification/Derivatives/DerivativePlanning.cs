using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>The outcome of <see cref="DerivativePlanner.Plan"/>: a plan, or the refusal that explains why there is none.</summary>
public sealed record DerivativePlanning(DerivativePlan? Plan, DerivativeRefusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Plan))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsPlanned => Plan is not null;

    public static DerivativePlanning Planned(DerivativePlan plan) => new(plan, null);

    public static DerivativePlanning Refused(DerivativeRefusalKind kind, string reason) => new(null, new DerivativeRefusal(kind, reason));
}
