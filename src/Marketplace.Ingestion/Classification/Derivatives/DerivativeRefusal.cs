namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>Why no derivative can be planned, in words a provider or reviewer can act on.</summary>
public sealed record DerivativeRefusal(DerivativeRefusalKind Kind, string Reason);
