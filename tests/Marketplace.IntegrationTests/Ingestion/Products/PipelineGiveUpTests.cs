using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.IntegrationTests.Ingestion.Raster;
using Marketplace.Ingestion.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;
using UploadSteps = Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Products;

/// <summary>A worker that gives a pipeline job one attempt only, on a machine whose GDAL cannot be found.</summary>
public sealed class SingleAttemptApp(StackFixture stack) : MarketplaceApp(stack)
{
    private readonly DirectoryInfo _noGdal = Directory.CreateTempSubdirectory("no-gdal-");

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Jobs:MaxAttempts"] = "1";
        settings["Gdal:BinDirectory"] = _noGdal.FullName;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _noGdal.Delete(recursive: true);
    }
}

/// <summary>
/// A product whose file changed in storage after its upload was sealed is rejected; and a step that cannot run at all
/// (no GDAL to quote in the report) fails on its last attempt and ends the product instead of leaving it certifying.
/// </summary>
public sealed class PipelineGiveUpTests(SingleAttemptApp app) : IClassFixture<SingleAttemptApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FileGoneFromStorage_IsRejected_AndAStepFailingItsLastAttemptEndsTheProduct()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        using var bench = new RasterWorkbench();
        var upload = await UploadAsync(uploader, await File.ReadAllBytesAsync((await bench.CogAsync(128, 128)).FullPath, Ct), "image/tiff; application=geotiff", Ct);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var staged = await scope.ServiceProvider.GetRequiredService<IngestionDbContext>().Uploads.SingleAsync(u => u.Id == upload, Ct);
            var blobs = app.Services.GetRequiredService<BlobServiceClient>();
            var prefix = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Marketplace.Platform.Storage.StorageOptions>>().Value.ContainerPrefix;
            var blob = blobs.GetBlobContainerClient(prefix + "staging").GetBlobClient(staged.BlobName);
            await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: Ct);
            await blob.DeleteAsync(cancellationToken: Ct);
        }

        var productId = (await MarketplaceApp.ReadJsonAsync(await SubmitAsync(uploader, collection, Draft("vanished"),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (upload, ["data"], "image/tiff; application=geotiff") }, Ct), Ct))
            .GetProperty("id").GetGuid();
        var product = await WaitForFinalAsync(uploader, productId, Ct);

        Assert.True(product.GetProperty("status").GetString() == "rejected", product.ToString());
        Assert.Equal("failed", Step(product, "integrity").GetProperty("state").GetString());
        Assert.Contains("integrity.blob-changed", FindingCodes(product));
        var certification = Step(product, "certification");
        Assert.Equal("failed", certification.GetProperty("state").GetString());
        Assert.Equal("pipeline.step-failed", certification.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal("skipped", Step(product, "publication").GetProperty("state").GetString());
    }
}
