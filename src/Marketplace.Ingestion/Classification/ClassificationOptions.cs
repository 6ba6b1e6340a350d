namespace Marketplace.Ingestion.Classification;

/// <summary>
/// Classification settings. The policy itself is data (installed through the API and stored with every version);
/// these only say where the first one comes from and how products are described to it.
/// </summary>
public sealed class ClassificationOptions
{
    public const string Section = "Classification";

    /// <summary>
    /// A policy document installed when none is stored yet. Null: the built-in initial policy (the example of
    /// <c>catalog-schemas/classification-policy/v1.0.0</c>).
    /// </summary>
    public string? InitialPolicyFile { get; set; }

    /// <summary>Products with at least this many spectral bands are hyperspectral (unless they declare a sensor kind).</summary>
    [System.ComponentModel.DataAnnotations.Range(2, 10000)]
    public int HyperspectralFromBands { get; set; } = 30;
}
