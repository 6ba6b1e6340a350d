using Marketplace.Cli.Http;
using Spectre.Console;

namespace Marketplace.Cli.Products;

/// <summary>Shows a product's pipeline while it is followed: a table redrawn on interactive consoles, a line per change elsewhere.</summary>
internal static class PipelineDisplay
{
    public static async Task<ProductDocument> FollowAsync(PipelineFollower follower, ProductDocument start, IAnsiConsole console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(follower);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(console);
        if (console.Profile.Capabilities.Interactive)
        {
            var last = start;
            await console.Live(ProductPrinter.Steps(start.View)).AutoClear(false).StartAsync(async live =>
            {
                last = await follower.FollowAsync(start, seen =>
                {
                    live.UpdateTarget(ProductPrinter.Steps(seen.View));
                    live.Refresh();
                }, ct);
            });
            return last;
        }
        ProductView? previous = null;
        return await follower.FollowAsync(start, seen =>
        {
            foreach (var line in PipelineChanges.Describe(previous, seen.View))
            {
                console.MarkupLine(Markup.Escape(line));
            }
            previous = seen.View;
        }, ct);
    }
}
