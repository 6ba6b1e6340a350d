using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Products;

/// <summary>A product of the caller's organization with its pipeline; other organizations' products do not exist for the caller.</summary>
public sealed class GetProduct(IngestionDbContext db)
{
    public async Task<Outcome<ProductView>> HandleAsync(Guid organizationId, Guid productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Assets).Include(p => p.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == productId && p.OrganizationId == organizationId, ct);
        return product is null ? new Outcome<ProductView>.NotFound($"There is no product {productId} of your organization.") : ProductView.From(product);
    }
}
