using System.CommandLine;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;

namespace Marketplace.Cli.Commands;

/// <summary><c>marketplace status PRODUCT_ID [--wait] [--json]</c>: one product of the organization with its pipeline steps and findings.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context, CredentialOptionSet credentials)
    {
        var productId = new Argument<Guid>("PRODUCT_ID") { Description = "The product's id, as upload and products print it" };
        var wait = new Option<bool>("--wait") { Description = "Follow the pipeline every second until the product is published, in review, rejected or withdrawn" };
        var json = new Option<bool>("--json") { Description = "Print the product as JSON on standard output (messages go to standard error)" };
        var status = new Command("status",
            "Show a product of your organization: its status, grade, every pipeline step (state, attempts, progress, time) and the findings of failed steps. "
            + ExitCodes.ProductHelp)
        {
            productId, wait, json,
        };
        status.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var output = new CommandOutput(context, parseResult.GetValue(json));
            var resolved = await credentials.ResolveAsync(parseResult, context, CliCredentials.UploaderDemoClient, ct);
            using var http = context.CreateHttpClient(resolved.BaseUrl);
            var products = new ProductsApi(new MarketplaceApi(http, context.Clock, resolved.Client));
            var product = await products.GetAsync(parseResult.GetValue(productId), ct);
            return parseResult.GetValue(wait)
                ? await FollowCommand.FollowAndShowAsync(context, products, product, output, ct)
                : await ProductOutcome.ShowAsync(output, product, ct);
        }, ct));
        return status;
    }
}
