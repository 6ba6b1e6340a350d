using Marketplace.Catalog.Search;
using Marketplace.Catalog.Visibility;
using Marketplace.Ingestion.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Products;

/// <summary>
/// Who may read a product's public documents (certification report, offers, thumbnail): its own organization,
/// compliance reviewers (who decide its grade), and anyone who may see its published item in the catalog (the
/// catalog's grade check, inside the query). Data assets are for the providing organization and reviewers only;
/// buyers receive them through orders.
/// </summary>
public sealed class ProductAccess(IngestionDbContext db, SearchItems catalog)
{
    public async Task<Product?> FindReadableAsync(Guid productId, ProductReader reader, CatalogViewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var product = await db.Products.AsNoTracking().Include(p => p.Assets).SingleOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return null;
        }
        if (reader.OrganizationId == product.OrganizationId || reader.IsReviewer)
        {
            return product;
        }
        if (product.Status != ProductStatus.Published)
        {
            return null;
        }
        return await catalog.FindAsync(product.CollectionId, product.ItemId, viewer, ct) is null ? null : product;
    }

    /// <summary>
    /// Whether the caller may download this asset: the providing organization and reviewers any asset, others the
    /// thumbnail of a visible item.
    /// </summary>
    public static bool MayDownload(Product product, ProductAsset asset, ProductReader reader)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(reader);
        return reader.OrganizationId == product.OrganizationId || reader.IsReviewer || asset.Roles.Contains("thumbnail");
    }
}

/// <summary>Who reads a product: their organization (null when anonymous) and whether they are a compliance reviewer.</summary>
public sealed record ProductReader(Guid? OrganizationId, bool IsReviewer);
