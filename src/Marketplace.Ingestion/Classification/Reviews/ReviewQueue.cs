using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Products;

namespace Marketplace.Ingestion.Classification.Reviews;

/// <summary>Opens the review of a product the classification step sent to review, with the approvals its policy asks for.</summary>
public sealed class ReviewQueue(PolicyInForce policies, TimeProvider clock)
{
    public async Task OpenAsync(IngestionDbContext db, Product product, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(product);
        var policy = await policies.VersionAsync(product.PolicyVersion!, ct) ?? await policies.GetAsync(ct);
        var now = clock.GetUtcNow();
        db.Reviews.Add(Review.Open(Guid.CreateVersion7(now), product.Id, product.OrganizationId, product.CollectionId, product.ItemId,
            product.Grade!, product.PolicyVersion!, product.GradeReasons ?? "{}", policy.ApprovalsFor(product.Grade!), now));
    }
}
