using Marketplace.Catalog.Search;
using Marketplace.Catalog.Visibility;
using Marketplace.Ingestion.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Products;

/// <summary>
/// Who may read a product's public documents (certification report, offers, thumbnail): its own organization, and
/// anyone who may see its published item in the catalog (the catalog's grade check, inside the query). Data assets
/// are for the providing organization only; buyers receive them through orders.
/// </summary>
public sealed class ProductAccess(IngestionDbContext db, SearchItems catalog)
{
    public async Task<Product?> FindReadableAsync(Guid productId, Guid? callerOrganization, CatalogViewer viewer, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Assets).SingleOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return null;
        }
        if (callerOrganization == product.OrganizationId)
        {
            return product;
        }
        if (product.Status != ProductStatus.Published)
        {
            return null;
        }
        return await catalog.FindAsync(product.CollectionId, product.ItemId, viewer, ct) is null ? null : product;
    }

    /// <summary>Whether the caller may download this asset: the providing organization any asset, others the thumbnail of a visible item.</summary>
    public static bool MayDownload(Product product, ProductAsset asset, Guid? callerOrganization)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(asset);
        return callerOrganization == product.OrganizationId || asset.Roles.Contains("thumbnail");
    }
}
