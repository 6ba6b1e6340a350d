using System.CommandLine;
using System.Text.Json.Nodes;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Http;
using Marketplace.Cli.Products;
using Marketplace.Cli.Uploads;
using Spectre.Console;

namespace Marketplace.Cli.Commands;

/// <summary>
/// <c>marketplace upload FILE... --collection C --item-json DRAFT.json</c>: uploads the files straight to Blob storage
/// (resuming earlier uploads of the same files), submits them as one product, and follows its pipeline.
/// </summary>
internal static class UploadCommand
{
    private const long Mebibyte = 1024 * 1024;

    public static Command Create(CliContext context, CredentialOptionSet credentials)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Files to upload as assets with the role data (or as --asset says)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var collection = new Option<string>("--collection")
        {
            Description = "Collection the product's item goes into",
            HelpName = "ID",
            Required = true,
        };
        var itemJson = new Option<string>("--item-json")
        {
            Description = "STAC item draft: JSON with id and properties.datetime (or start_datetime and end_datetime); the geometry may be left to the raster",
            HelpName = "FILE",
            Required = true,
        };
        var assets = new Option<string[]>("--asset")
        {
            Description = $"A file and its role, one of {string.Join(", ", AssetPlanner.Roles)}; repeatable, e.g. --asset data=scene.tif --asset thumbnail=thumb.png",
            HelpName = "ROLE=FILE",
        };
        var offers = new Option<string?>("--offers")
        {
            Description = "JSON array of offers, e.g. [{\"title\": \"Standard licence\", \"price\": 120, \"licence\": \"standard\"}]",
            HelpName = "FILE",
        };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Blocks in flight at once",
            HelpName = "N",
            DefaultValueFactory = _ => FileUploadOptions.DefaultParallel,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > FileUploadOptions.MaxParallel)
            {
                result.AddError($"--parallel must be between 1 and {FileUploadOptions.MaxParallel}.");
            }
        });
        var blockSize = new Option<int?>("--block-size")
        {
            Description = "Block size in MiB for new uploads [default: the server's advice]",
            HelpName = "MIB",
        };
        blockSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 4000)
            {
                result.AddError("--block-size must be between 1 and 4000 MiB.");
            }
        });
        var throughApi = new Option<bool>("--through-api")
        {
            Description = "Send blocks through the API (PUT /uploads/{id}/blocks/{n}) instead of straight to Blob storage, for networks that cannot reach it",
        };
        var noWait = new Option<bool>("--no-wait") { Description = "Stop once the product is submitted instead of following its pipeline" };
        var json = new Option<bool>("--json") { Description = "Print the product as JSON on standard output (messages go to standard error)" };
        var state = new Option<string?>("--state")
        {
            Description = "Resume state of uploads [default: $XDG_STATE_HOME/marketplace/uploads.json or ~/.local/state/marketplace/uploads.json]",
            HelpName = "FILE",
        };
        var upload = new Command("upload",
            "Upload files as one product: each file is hashed (SHA-256), sent in blocks in parallel straight to Blob storage and completed; "
            + "then the product is submitted and its certification pipeline followed until it is published, in review, rejected or withdrawn. "
            + "An interrupted upload resumes when the same command runs again: only the blocks storage lacks are sent. "
            + ExitCodes.ProductHelp)
        {
            files, collection, itemJson, assets, offers, parallel, blockSize, throughApi, noWait, json, state,
        };
        upload.SetAction((parseResult, ct) => CommandRunner.RunAsync(context, async ct =>
        {
            var output = new CommandOutput(context, parseResult.GetValue(json));
            var planned = AssetPlanner.Plan(parseResult.GetValue(files) ?? [], parseResult.GetValue(assets) ?? []);
            foreach (var asset in planned)
            {
                FileFingerprint.Of(asset.Path);   // every file exists before the first byte is sent
            }
            var draft = await ProductSubmission.ReadDraftAsync(parseResult.GetRequiredValue(itemJson), ct);
            var offerList = parseResult.GetValue(offers) is { } offersPath ? await ProductSubmission.ReadOffersAsync(offersPath, ct) : null;
            var resolved = await credentials.ResolveAsync(parseResult, context, CliCredentials.UploaderDemoClient, ct);
            var options = new FileUploadOptions(parseResult.GetValue(parallel), parseResult.GetValue(blockSize) * Mebibyte, parseResult.GetValue(throughApi));
            var stateFile = new UploadStateFile(parseResult.GetValue(state) ?? CliPaths.DefaultUploadStatePath(context.Environment), context.Clock);
            var run = new Run(context, resolved, output, stateFile);
            return await run.ExecuteAsync(planned, parseResult.GetRequiredValue(collection), draft, offerList, options, parseResult.GetValue(noWait), ct);
        }, ct));
        return upload;
    }

    /// <summary>One run of the command, once its options are read.</summary>
    private sealed class Run(CliContext context, CliCredentials server, CommandOutput output, UploadStateFile stateFile)
    {
        public async Task<int> ExecuteAsync(IReadOnlyList<PlannedAsset> planned, string collection, JsonObject draft, JsonArray? offers,
            FileUploadOptions options, bool noWait, CancellationToken ct)
        {
            using var http = context.CreateHttpClient(server.BaseUrl);
            using var transfers = context.CreateTransferClient(server.BaseUrl);
            var api = new MarketplaceApi(http, context.Clock, server.Client);
            var uploads = new UploadsApi(api);
            var products = new ProductsApi(api);
            var throughApi = new UploadsApi(new MarketplaceApi(transfers, context.Clock, server.Client));
            Func<UploadView, IBlockWriter> writerFor = options.ThroughApi
                ? upload => new ApiBlockWriter(throughApi, upload.Id)
                : upload => new BlobBlockWriter(transfers, uploads, upload, context.Clock);
            output.Messages.MarkupLine($"[grey]Uploading {planned.Count} file{(planned.Count == 1 ? "" : "s")} to {Markup.Escape(server.Source)}[/]");

            IReadOnlyList<UploadedFile> uploaded;
            try
            {
                uploaded = await TransferDisplay.RunAsync(output.Messages, async display =>
                {
                    var uploader = new FileUploader(uploads, writerFor, stateFile, server.BaseUrl.ToString(), server.Client?.ClientId ?? "anonymous",
                        options, display, context.Clock);
                    var done = new List<UploadedFile>();
                    foreach (var asset in planned)
                    {
                        done.Add(await uploader.UploadAsync(asset, ct));
                    }
                    return done;
                });
            }
            catch (Exception e) when (e is not CliConfigurationException)
            {
                var exit = CommandRunner.Report(context, e, ct);
                output.Messages.MarkupLine(
                    $"[yellow]Run the same command again to resume: the uploads opened so far are kept in {Markup.Escape(stateFile.Path)}, and only the blocks storage lacks are sent.[/]");
                return exit;
            }

            ProductDocument product;
            try
            {
                product = await products.SubmitAsync(ProductSubmission.Build(collection, draft, uploaded, offers), ct);
            }
            catch (Exception e) when (e is MarketplaceApiException or HttpRequestException or OperationCanceledException)
            {
                var exit = CommandRunner.Report(context, e, ct);
                output.Messages.MarkupLine(
                    "[yellow]The product was not submitted. Its uploads are complete and kept: correct the problem and run the same command again to submit them without uploading again.[/]");
                return exit;
            }
            await stateFile.RemoveAsync([.. uploaded.Select(u => u.UploadId)], ct);
            output.Messages.MarkupLine($"Submitted product [bold]{product.View.Id}[/] ({Markup.Escape(product.View.Collection)}/{Markup.Escape(product.View.ItemId)} version {product.View.Version}): {Markup.Escape(product.View.Status)}");
            if (noWait)
            {
                if (output.Json)
                {
                    await output.WriteJsonAsync(product.Json, ct);
                }
                return ExitCodes.Ok;
            }
            return await FollowCommand.FollowAndShowAsync(context, products, product, output, ct);
        }
    }
}
