using Marketplace.Ingestion.Findings;

namespace Marketplace.Ingestion.Formats;

/// <summary>The outcome of format detection for one asset.</summary>
/// <param name="Format">What the content is.</param>
/// <param name="Allowed">The allow-list entry of <paramref name="Format"/>, or <c>null</c> when the format is not allowed.</param>
/// <param name="Findings">
/// Why the asset is refused, or what to fix. Located in the content at <c>byte {n}</c> (from 0), at
/// <c>line {l}, byte {b}</c> in JSON or <c>line {l}, position {p}</c> in XML (from 1), or at the STAC asset field
/// the provider declared: <c>type</c> or <c>roles</c>.
/// </param>
public sealed record FormatDetection(DetectedFormat Format, AllowedFormat? Allowed, IReadOnlyList<Finding> Findings)
{
    /// <summary>True when the format is allowed and no finding is an error.</summary>
    public bool Accepted => Allowed is not null && Findings.All(f => f.Severity != FindingSeverity.Error);
}
