using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Products;
using Marketplace.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Classification.Regrading;

/// <summary>
/// Grades products again under the policy in force: one product (an embargo ended, a new policy), or every
/// published and in-review product after a policy change (one job each, so a crash redoes only what was not done).
/// </summary>
public sealed class RegradeProducts(IServiceScopeFactory scopes, PolicyInForce policies, IJobQueue jobs, TimeProvider clock,
    IOptions<ClassificationOptions> options) : IJobHandler
{
    public string Queue => RegradeJob.Queue;

    public async Task RunAsync(ClaimedJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var request = RegradeJob.Read(job.Payload);
        var active = await policies.GetAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        if (request.ProductId is not { } productId)
        {
            var ids = await db.Products.AsNoTracking()
                .Where(p => (p.Status == ProductStatus.Published || p.Status == ProductStatus.InReview) && p.Item != null)
                .Select(p => p.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                await jobs.EnqueueAsync(RegradeJob.ForPolicy(id, active.Version), ct);
            }
            return;
        }

        var product = await db.Products.Include(p => p.Steps).SingleOrDefaultAsync(p => p.Id == productId, ct);
        if (product?.Item is null || !(product.Status == ProductStatus.InReview || await CatalogVersion.IsShownAsync(db, product, ct)))
        {
            return;   // gone, finished, or a published version the catalog no longer shows
        }
        var result = active.Evaluator.Evaluate(ProductDescriptions.From(product, options.Value), clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ProductRegrading>().ApplyAsync(product, active, result, request.Reason, ct);
        await transaction.CommitAsync(ct);
    }
}
