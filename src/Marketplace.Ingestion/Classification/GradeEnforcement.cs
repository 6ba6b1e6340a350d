using Marketplace.Catalog.Items;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Products;

namespace Marketplace.Ingestion.Classification;

/// <summary>
/// Gives a product a new grade where it is enforced: on the product and its certified item, and, when the product is
/// the published version the catalog shows, on the catalog item in the same transaction. Search, counts, extents,
/// item and asset reads all filter by the catalog's grade, so the change takes effect everywhere at the commit.
/// </summary>
public static class GradeEnforcement
{
    public static async Task ApplyAsync(IngestionDbContext db, Product product, string grade, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(product);
        product.ApplyGrade(grade, now);
        if (await CatalogVersion.IsShownAsync(db, product, ct))
        {
            await PublishItem.RegradeAsync(db, product.CollectionId, product.ItemId, grade, now, ct);
        }
    }
}
