using System.ComponentModel.DataAnnotations;

namespace Marketplace.Catalog;

/// <summary>The catalog's settings (section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Seconds a search may run; past it the answer is 503 with Retry-After, never a hung connection.</summary>
    [Range(1, 300)]
    public int SearchTimeoutSeconds { get; set; } = 5;
}
