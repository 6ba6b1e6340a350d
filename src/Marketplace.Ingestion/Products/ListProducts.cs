using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Products;

/// <summary>The caller's organization's products, newest first, optionally of one status, a page at a time (keyset on submission time and id).</summary>
public sealed class ListProducts(IngestionDbContext db)
{
    public const int MaxLimit = 200;

    public async Task<Outcome<ProductPage>> HandleAsync(Guid organizationId, string? status, int? limit, DateTimeOffset? before, Guid? beforeId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ProductStatus? wanted = null;
        if (status is not null)
        {
            var match = Enum.GetValues<ProductStatus>().Where(s => ProductView.StatusName(s) == status).ToList();
            if (match.Count == 0)
            {
                errors.Add("status", $"Use one of: {string.Join(", ", Enum.GetValues<ProductStatus>().Select(ProductView.StatusName))}.");
            }
            else
            {
                wanted = match[0];
            }
        }
        var take = limit ?? 50;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"limit is 1 to {MaxLimit}.");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<ProductPage>();
        }
        var query = db.Products.AsNoTracking().Where(p => p.OrganizationId == organizationId);
        if (wanted is { } s)
        {
            query = query.Where(p => p.Status == s);
        }
        if (before is { } at && beforeId is { } id)
        {
            query = query.Where(p => p.SubmittedAt < at || (p.SubmittedAt == at && p.Id.CompareTo(id) < 0));
        }
        var products = await query.OrderByDescending(p => p.SubmittedAt).ThenByDescending(p => p.Id).Take(take + 1)
            .Include(p => p.Assets).Include(p => p.Steps).AsSplitQuery().ToListAsync(ct);
        var page = products.Take(take).Select(ProductView.From).ToList();
        var last = products.Count > take ? products[take - 1] : null;
        return new ProductPage(page, last is null ? null : new ProductPageToken(last.SubmittedAt, last.Id));
    }
}

public sealed record ProductPage(IReadOnlyList<ProductView> Products, ProductPageToken? Next);

public sealed record ProductPageToken(DateTimeOffset Before, Guid BeforeId);
