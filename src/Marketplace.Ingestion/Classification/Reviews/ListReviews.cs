using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>The review queue (open reviews by default), oldest first, in keyset pages; and one review.</summary>
public sealed class ListReviews(IngestionDbContext db)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public async Task<Outcome<ReviewList>> HandleAsync(string? state, int? limit, Guid? after, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ReviewState? wanted = ReviewState.Open;
        if (state is "all")
        {
            wanted = null;
        }
        else if (state is not null)
        {
            if (Enum.TryParse<ReviewState>(state, ignoreCase: true, out var parsed) && !int.TryParse(state, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("state", "Use open, approved, rejected, superseded or all.");
            }
        }
        if (limit is < 1)
        {
            errors.Add("limit", $"Use 1 to {MaxLimit} (larger values are clamped).");
        }
        if (errors.Any)
        {
            return errors.ToOutcome<ReviewList>();
        }
        var take = Math.Min(limit ?? DefaultLimit, MaxLimit);
        var query = db.Reviews.AsNoTracking().Include(r => r.Decisions).AsQueryable();
        if (wanted is { } w)
        {
            query = query.Where(r => r.State == w);
        }
        if (after is { } a)
        {
            query = query.Where(r => r.Id.CompareTo(a) > 0);
        }
        var page = await query.OrderBy(r => r.Id).Take(take + 1).ToListAsync(ct);
        var shown = page.Take(take).ToList();
        var products = await db.Products.AsNoTracking().Where(p => shown.Select(r => r.ProductId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var next = page.Count > take
            ? $"/reviews?after={shown[^1].Id}&limit={take}" + (state is not null ? $"&state={Uri.EscapeDataString(state)}" : "")
            : null;
        return new ReviewList([.. shown.Select(r => ReviewView.From(r, products.GetValueOrDefault(r.ProductId)))], next);
    }

    public async Task<Outcome<ReviewView>> FindAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().Include(r => r.Decisions).SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null)
        {
            return new Outcome<ReviewView>.NotFound($"There is no review {reviewId}.");
        }
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == review.ProductId, ct);
        return ReviewView.From(review, product);
    }
}
