using System.CommandLine;
using System.Text.Json;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;
using Marketplace.Cli.Products;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary><c>marketplace products [--status S] [--json]</c>: the organization's products, newest first, every page.</summary>
internal static class ProductsCommand
{
    public static Command Create(CliContext context, CredentialOptionSet credentials)
    {
        var status = new Option<string?>("--status")
        {
            Description = "Only products of this status",
            HelpName = "STATUS",
        };
        status.AcceptOnlyFromAmong([.. ProductStatuses.All]);
        var json = new Option<bool>("--json") { Description = "Print the products as a JSON array on standard output" };
        var products = new Command("products",
            "List your organization's products, newest first: id, item, version, status, grade and submission time. "
            + "Exit codes: 0 listed; 1 usage, settings, connection or server error.")
        {
            status, json,
        };
        products.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var output = new CommandOutput(context, parseResult.GetValue(json));
            var resolved = await credentials.ResolveAsync(parseResult, context, CliCredentials.UploaderDemoClient, ct);
            using var http = context.CreateHttpClient(resolved.BaseUrl);
            var api = new ProductsApi(new MarketplaceApi(http, context.Clock, resolved.Client));
            var all = new List<ProductDocument>();
            await foreach (var product in api.ListAsync(parseResult.GetValue(status), ct))
            {
                all.Add(product);
            }
            if (output.Json)
            {
                using var array = JsonDocument.Parse(JsonSerializer.Serialize(all.Select(p => p.Json)));
                await output.WriteJsonAsync(array.RootElement, ct);
                return ExitCodes.Ok;
            }
            if (all.Count == 0)
            {
                output.Messages.MarkupLine("[grey]No products.[/]");
                return ExitCodes.Ok;
            }
            output.Messages.Write(ProductPrinter.List(all.Select(p => p.View)));
            output.Messages.MarkupLine($"[grey]{all.Count} product{(all.Count == 1 ? "" : "s")}[/]");
            return ExitCodes.Ok;
        }, ct));
        return products;
    }
}
