namespace Marketplace.Catalog.Cql2;

/// <summary>
/// The CASEI function (OGC 21-065r2 CQL2 clause 7, requirements class "Case-insensitive Comparison"): a string
/// normalised for case. Comparisons are only durable with CASEI on both sides, e.g.
/// <c>CASEI(platform) = CASEI('Sentinel-2A')</c>.
/// </summary>
public sealed record CaseInsensitive(Cql2Expression Arg) : Cql2Expression;
