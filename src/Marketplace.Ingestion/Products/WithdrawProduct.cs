using Marketplace.Catalog.Items;
using Marketplace.Ingestion.Classification.Reviews;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Uploads;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Products;

/// <summary>
/// Withdraws a product: its pipeline stops, an open review of it closes, and if it is what the catalog shows for its
/// item, the item leaves the catalog. The product and its certification report are kept.
/// </summary>
public sealed class WithdrawProduct(IngestionDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ProductView>> HandleAsync(Uploader caller, Guid productId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var product = await db.Products.Include(p => p.Assets).Include(p => p.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == productId && p.OrganizationId == caller.OrganizationId, ct);
        if (product is null)
        {
            return new Outcome<ProductView>.NotFound($"There is no product {productId} of your organization.");
        }
        if (product.Status is ProductStatus.Withdrawn or ProductStatus.Rejected)
        {
            return new Outcome<ProductView>.Conflict($"The product is already {ProductView.StatusName(product.Status)}.");
        }
        var shown = await CatalogVersion.IsShownAsync(db, product, ct);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        product.Withdraw(now);
        foreach (var review in await db.Reviews.Where(r => r.ProductId == product.Id && r.State == ReviewState.Open).ToListAsync(ct))
        {
            review.Close(ReviewState.Superseded, now, "The provider withdrew the product.");
        }
        await db.SaveAndRecordAsync(audit, new AuditEvent("product.withdrawn", caller.Actor, [$"product:{product.Id}"], [product.OrganizationId],
            Details: new Dictionary<string, string> { ["collection"] = product.CollectionId, ["item"] = product.ItemId }), ct);
        if (shown)
        {
            await PublishItem.WithdrawAsync(db, product.CollectionId, product.ItemId, ct);
        }
        await transaction.CommitAsync(ct);
        return ProductView.From(product);
    }
}
