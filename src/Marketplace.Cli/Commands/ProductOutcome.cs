using Marketplace.Cli.Http;
using Marketplace.Cli.Products;

namespace Marketplace.Cli.Commands;

/// <summary>
/// Shows where a product ended up: its summary, its steps and the findings of failed steps (to standard error in JSON
/// mode, where standard output gets the product as the server sent it). The exit code follows the status.
/// </summary>
internal static class ProductOutcome
{
    public static async Task<int> ShowAsync(CommandOutput output, ProductDocument product, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(product);
        ProductPrinter.Summary(output.Messages, product.View);
        if (!output.Json)
        {
            output.Messages.Write(ProductPrinter.Steps(product.View));
        }
        ProductPrinter.Failures(output.Messages, product.View);
        if (output.Json)
        {
            await output.WriteJsonAsync(product.Json, ct);
        }
        return ProductStatuses.ExitCode(product.View.Status);
    }
}
