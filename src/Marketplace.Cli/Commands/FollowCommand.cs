using Marketplace.Cli.Http;
using Marketplace.Cli.Products;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary>Following a product until its pipeline settles, as <c>upload</c> and <c>status --wait</c> do.</summary>
internal static class FollowCommand
{
    /// <summary>Follows <paramref name="product"/> every second and shows where it ended up; Ctrl+C stops following, not the pipeline.</summary>
    public static async Task<int> FollowAndShowAsync(CliContext context, ProductsApi products, ProductDocument product, CommandOutput output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(output);
        var follower = new PipelineFollower(products, context.Clock, PipelineFollower.DefaultInterval);
        ProductDocument final;
        try
        {
            final = await PipelineDisplay.FollowAsync(follower, product, output.Messages, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            output.Messages.MarkupLine(
                $"[yellow]Stopped following product {product.View.Id}; its pipeline goes on. Follow it again with: marketplace status {product.View.Id} --wait[/]");
            return ExitCodes.Interrupted;
        }
        return await ProductOutcome.ShowAsync(output, final, ct);
    }
}
