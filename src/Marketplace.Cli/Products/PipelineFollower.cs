using Marketplace.Cli.Http;
using Marketplace.Cli.Uploads;

namespace Marketplace.Cli.Products;

/// <summary>
/// Follows a product through its pipeline: reads it every <paramref name="interval"/> until its status is settled
/// (<see cref="ProductStatuses.IsSettled"/>), telling <c>seen</c> each reading. A few failed readings in a row
/// (network, 5xx) are ridden out; the user stops following with Ctrl+C.
/// </summary>
internal sealed class PipelineFollower(ProductsApi products, TimeProvider clock, TimeSpan interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    private const int MaxFailuresInARow = 10;

    public async Task<ProductDocument> FollowAsync(ProductDocument start, Action<ProductDocument> seen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(seen);
        var current = start;
        seen(current);
        var failures = 0;
        while (!ProductStatuses.IsSettled(current.View.Status))
        {
            await Task.Delay(interval, clock, ct);
            try
            {
                current = await products.GetAsync(current.View.Id, ct);
                failures = 0;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e, ct) && ++failures < MaxFailuresInARow)
            {
                continue;
            }
            seen(current);
        }
        return current;
    }
}
