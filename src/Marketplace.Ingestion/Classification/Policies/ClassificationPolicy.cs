namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// A declarative, versioned classification policy (schema <c>catalog-schemas/classification-policy/v1.0.0</c>).
/// Every rule only raises the grade: the result is the highest grade of <see cref="DefaultGrade"/> and every rule that fired.
/// </summary>
public sealed record ClassificationPolicy(
    string Version,
    IReadOnlyList<string>? Scale,
    string DefaultGrade,
    string ReviewFrom,
    PolicyRules? Rules);
