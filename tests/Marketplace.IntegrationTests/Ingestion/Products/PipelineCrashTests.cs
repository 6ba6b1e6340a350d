using System.Net;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.IntegrationTests.Ingestion.Raster;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;
using UploadSteps = Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Products;

/// <summary>An API without a worker, and pipeline jobs whose lease runs out after two seconds, so a killed worker's job is taken over quickly.</summary>
public sealed class ApiWithShortLeasesApp(StackFixture stack) : MarketplaceApp(stack)
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Hosting:Roles"] = "api";
        settings["Jobs:Lease"] = "00:00:02";
        settings["Jobs:PollInterval"] = "00:00:00.050";
    }
}

/// <summary>
/// A worker stopped in the middle of a step loses nothing: another worker takes the job over when its lease runs
/// out, runs the step again, and the product ends with exactly one result: one catalog item, one publication in the
/// audit log, one job per step.
/// </summary>
public sealed class PipelineCrashTests(ApiWithShortLeasesApp app) : IClassFixture<ApiWithShortLeasesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WorkerStoppedMidStep_AnotherFinishesTheProduct_WithExactlyOneResult()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        using var bench = new RasterWorkbench();
        // A striped 6000 × 6000 GeoTIFF: the COG step converts it, which takes long enough to be cut off.
        var striped = await File.ReadAllBytesAsync((await bench.TranslateAsync(TiffBytes.Gradient(6000, 6000, 1),
            "-of", "GTiff", "-a_srs", "EPSG:32650", "-a_ullr", "440000", "4420000", "500000", "4360000")).FullPath, Ct);
        var upload = await UploadAsync(uploader, striped, "image/tiff; application=geotiff", Ct);
        var productId = (await MarketplaceApp.ReadJsonAsync(await SubmitAsync(uploader, collection, Draft("crash-1"),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (upload, ["data"], "image/tiff; application=geotiff") }, Ct), Ct))
            .GetProperty("id").GetGuid();

        var first = Worker();
        _ = first.Services;
        await WaitUntilAsync(async () => await StepStateAsync(productId, "cog") == "Running");
        await first.DisposeAsync();
        var interrupted = await StepStateAsync(productId, "cog");
        await using var second = Worker();
        _ = second.Services;
        var product = await WaitForFinalAsync(uploader, productId, Ct, seconds: 120);

        Assert.Equal("Running", interrupted);
        Assert.True(product.GetProperty("status").GetString() == "published", product.ToString());
        Assert.Equal(2, Step(product, "cog").GetProperty("attempts").GetInt32());
        Assert.Equal(1, Step(product, "publication").GetProperty("attempts").GetInt32());
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM catalog.items WHERE collection_id = $1 AND id = 'crash-1'", collection));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM audit.pending WHERE action = 'product.published' AND convert_from(entry, 'UTF8') LIKE '%' || $1 || '%'", productId.ToString())
            + await CountAsync("SELECT count(*) FROM audit.entries WHERE action = 'product.published' AND convert_from(entry, 'UTF8') LIKE '%' || $1 || '%'", productId.ToString()));
        Assert.Equal(10L, await CountAsync("SELECT count(*) FROM jobs.jobs WHERE dedupe_key LIKE 'product:' || $1 || ':%' AND state = 'Succeeded'", productId.ToString()));
        Assert.Equal(1, product.GetProperty("assets").EnumerateArray().Count(a => a.GetProperty("key").GetString() == "data-cog"));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/collections/{collection}/items/crash-1", Ct)).StatusCode);
    }

    [Fact]
    public async Task JobRunAgainAfterItsStepCommitted_ChangesNothing_AndRecordsNothingTwice()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        using var bench = new RasterWorkbench();
        var upload = await UploadAsync(uploader, await File.ReadAllBytesAsync((await bench.CogAsync(128, 128)).FullPath, Ct), "image/tiff; application=geotiff", Ct);
        var productId = (await MarketplaceApp.ReadJsonAsync(await SubmitAsync(uploader, collection, Draft("rerun-1"),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (upload, ["data"], "image/tiff; application=geotiff") }, Ct), Ct))
            .GetProperty("id").GetGuid();
        await using (var worker = Worker())
        {
            _ = worker.Services;
            await WaitForFinalAsync(uploader, productId, Ct);
        }

        // As if the worker had died after committing the certification step but before marking its job done.
        Assert.Equal(1L, await CountAsync("""
            UPDATE jobs.jobs SET state = 'Queued', run_after = now() - interval '1 second', finished_at = NULL
            WHERE dedupe_key = 'product:' || $1 || ':certification' RETURNING 1::bigint
            """, productId.ToString()));
        await using (var again = Worker())
        {
            _ = again.Services;
            await WaitUntilAsync(async () => await CountAsync(
                "SELECT count(*) FROM jobs.jobs WHERE dedupe_key = 'product:' || $1 || ':certification' AND state = 'Succeeded'", productId.ToString()) == 1);
        }
        var product = await WaitForFinalAsync(uploader, productId, Ct);

        Assert.Equal("published", product.GetProperty("status").GetString());
        Assert.Equal(1, Step(product, "certification").GetProperty("attempts").GetInt32());
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM audit.pending WHERE action = 'product.certified' AND convert_from(entry, 'UTF8') LIKE '%' || $1 || '%'", productId.ToString())
            + await CountAsync("SELECT count(*) FROM audit.entries WHERE action = 'product.certified' AND convert_from(entry, 'UTF8') LIKE '%' || $1 || '%'", productId.ToString()));
        Assert.Equal(10L, await CountAsync("SELECT count(*) FROM jobs.jobs WHERE dedupe_key LIKE 'product:' || $1 || ':%'", productId.ToString()));
    }

    private WebApplicationFactory<Program> Worker() =>
        app.StartAnotherProcess().WithWebHostBuilder(web => web.UseSetting("Hosting:Roles", "worker"));

    private async Task<string?> StepStateAsync(Guid productId, string step)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT state FROM ingestion.pipeline_steps WHERE product_id = $1 AND name = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = productId });
        command.Parameters.Add(new NpgsqlParameter { Value = step });
        return (string?)await command.ExecuteScalarAsync(Ct);
    }

    private async Task<long> CountAsync(string sql, string parameter)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 60 s.");
            await Task.Delay(20, Ct);
        }
    }
}
