namespace Marketplace.Catalog.Stac;

/// <summary>
/// The conformance classes this API implements (STAC API 1.0.0, OGC API - Features Part 1). Only classes that really
/// work are listed; a class is added here together with its implementation.
/// </summary>
public static class StacConformance
{
    public const string StacVersion = "1.1.0";

    public static IReadOnlyList<string> Classes { get; } =
    [
        "https://api.stacspec.org/v1.0.0/core",
        "https://api.stacspec.org/v1.0.0/collections",
        "https://api.stacspec.org/v1.0.0/ogcapi-features",
        "https://api.stacspec.org/v1.0.0/item-search",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    ];
}
