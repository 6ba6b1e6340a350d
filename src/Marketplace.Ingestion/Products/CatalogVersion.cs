using Marketplace.Ingestion.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Products;

/// <summary>Which version of a product the catalog shows: the latest published one of its item.</summary>
public static class CatalogVersion
{
    /// <summary>True when <paramref name="product"/> is published and no later version of its item is.</summary>
    public static async Task<bool> IsShownAsync(IngestionDbContext db, Product product, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(product);
        return product.Status == ProductStatus.Published
            && !await db.Products.AnyAsync(p => p.CollectionId == product.CollectionId && p.ItemId == product.ItemId
                && p.Version > product.Version && p.Status == ProductStatus.Published, ct);
    }
}
