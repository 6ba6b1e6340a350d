using System.Text.Json;
using Marketplace.Cli.Commands;

namespace Marketplace.IntegrationTests.Cli;

/// <summary>
/// The provider commands against the real server and the real Azurite: a GeoTIFF uploaded straight to storage and
/// submitted as a product, an interrupted upload resumed, the product listed and shown, and a refused submission.
/// These tests do not follow the product (--no-wait) and so do not depend on the certification pipeline, except
/// the one that follows it: the test app runs the worker role with the pipeline's steps registered.
/// </summary>
public sealed class ProviderCliTests(ProviderCliApp app) : IClassFixture<ProviderCliApp>, IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly ProviderCli _cli = new(app);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Upload_GeoTiffAsTheDemoUploader_SendsItStraightToStorageAndSubmitsTheProduct()
    {
        var collection = await _cli.CreateCollectionAsync();
        var scene = await _cli.GeoTiffAsync("scene.tif");
        var draft = _cli.Draft(out var itemId);

        var (exit, output, error) = await _cli.RunAsync("demo-uploader", "upload", scene, "--collection", collection, "--item-json", draft,
            "--block-size", "1", "--parallel", "3", "--no-wait", "--json", "--state", _cli.StatePath);

        Assert.True(exit == ExitCodes.Ok, error);
        var product = JsonDocument.Parse(output).RootElement;
        var productId = product.GetProperty("id").GetGuid();
        Assert.Equal(collection, product.GetProperty("collection").GetString());
        Assert.Equal(itemId, product.GetProperty("itemId").GetString());
        Assert.Contains($"Submitted product {productId}", error, StringComparison.Ordinal);
        var blocks = (int)((new FileInfo(scene).Length + MiB - 1) / MiB);
        Assert.Equal(Enumerable.Range(0, blocks), _cli.BlocksSentToStorage.Order());
        var asset = (await _cli.GetAsync($"/products/{productId}")).GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "data");
        Assert.Equal("image/tiff; application=geotiff", asset.GetProperty("type").GetString());
        var upload = await _cli.GetAsync($"/uploads/{asset.GetProperty("upload").GetGuid()}");
        Assert.Equal("consumed", upload.GetProperty("status").GetString());
        Assert.Equal(new FileInfo(scene).Length, upload.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(scene, TestContext.Current.CancellationToken))),
            upload.GetProperty("sha256").GetString());

        var listed = await _cli.RunAsync("demo-uploader", "products", "--json");
        var table = await _cli.RunAsync("demo-uploader", "products");
        var shown = await _cli.RunAsync("demo-uploader", "status", productId.ToString(), "--json");

        Assert.True(listed.ExitCode == ExitCodes.Ok, listed.Error);
        Assert.Contains(JsonDocument.Parse(listed.Output).RootElement.EnumerateArray(), p => p.GetProperty("id").GetGuid() == productId);
        Assert.True(table.ExitCode == ExitCodes.Ok, table.Error);
        Assert.Contains(productId.ToString(), table.Output, StringComparison.Ordinal);
        Assert.Contains($"{collection}/{itemId}", table.Output, StringComparison.Ordinal);
        Assert.Equal(productId, JsonDocument.Parse(shown.Output).RootElement.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Upload_Followed_ShowsTheStepsUntilThePipelineSettles()
    {
        var collection = await _cli.CreateCollectionAsync();
        var scene = await _cli.GeoTiffAsync("followed.tif", size: 512);
        var draft = _cli.Draft(out _);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(3));

        var (exit, output, error) = await _cli.RunAsync("demo-uploader", patience.Token, "upload", scene, "--collection", collection,
            "--item-json", draft, "--json", "--state", _cli.StatePath);

        Assert.True(exit != ExitCodes.Interrupted, $"The pipeline did not settle within 3 minutes:\n{error}");
        var status = JsonDocument.Parse(output).RootElement.GetProperty("status").GetString();
        Assert.Contains(status, new[] { "published", "in-review", "rejected" });
        Assert.True(exit == (status == "rejected" ? ExitCodes.Rejected : ExitCodes.Ok), error);
        Assert.Contains("step integrity: succeeded", error, StringComparison.Ordinal);
        Assert.Contains($"status: {status}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_AfterAnInterruption_SendsOnlyTheMissingBlocks()
    {
        var collection = await _cli.CreateCollectionAsync();
        var scene = await _cli.GeoTiffAsync("interrupted.tif");
        var draft = _cli.Draft(out _);
        var uploadId = await _cli.StartUploadAsync(scene, MiB, 0, 2);

        var (exit, output, error) = await _cli.RunAsync("demo-uploader", "upload", scene, "--collection", collection, "--item-json", draft,
            "--no-wait", "--json", "--state", _cli.StatePath);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal([1, 3], _cli.BlocksSentToStorage.Order());
        Assert.Contains($"resuming upload {uploadId}: 2 of 4 blocks are in storage already", error, StringComparison.Ordinal);
        var productId = JsonDocument.Parse(output).RootElement.GetProperty("id").GetGuid();
        var asset = (await _cli.GetAsync($"/products/{productId}")).GetProperty("assets").EnumerateArray().Single();
        Assert.Equal(uploadId, asset.GetProperty("upload").GetGuid());
        var upload = await _cli.GetAsync($"/uploads/{uploadId}");
        Assert.Equal("consumed", upload.GetProperty("status").GetString());
        Assert.DoesNotContain(uploadId.ToString(), await File.ReadAllTextAsync(_cli.StatePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ThroughTheApi_SendsNoBlockToStorageDirectly()
    {
        var collection = await _cli.CreateCollectionAsync();
        var scene = await _cli.GeoTiffAsync("fallback.tif");
        var draft = _cli.Draft(out _);

        var (exit, output, error) = await _cli.RunAsync("demo-uploader", "upload", scene, "--through-api", "--collection", collection,
            "--item-json", draft, "--block-size", "1", "--no-wait", "--json", "--state", _cli.StatePath);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Empty(_cli.BlocksSentToStorage);
        Assert.Equal([0, 1, 2, 3], _cli.BlocksSentThroughApi.Order());
        Assert.Contains("uploaded to the API", error, StringComparison.Ordinal);
        Assert.Equal(collection, JsonDocument.Parse(output).RootElement.GetProperty("collection").GetString());
    }

    [Fact]
    public async Task Upload_IntoAMissingCollection_PrintsTheProblemAndExitsOne()
    {
        var scene = await _cli.GeoTiffAsync("orphan.tif", size: 256);
        var draft = _cli.Draft(out _);
        var collection = "no-such-" + Guid.NewGuid().ToString("N")[..8];

        var (exit, _, error) = await _cli.RunAsync("demo-uploader", "upload", scene, "--collection", collection, "--item-json", draft,
            "--no-wait", "--state", _cli.StatePath);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains($"POST {app.BaseAddress}products failed: 400 Bad Request", error, StringComparison.Ordinal);
        Assert.Contains($"collection: The collection '{collection}' does not exist.", error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(scene), await File.ReadAllTextAsync(_cli.StatePath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AsAnAuditor_IsForbiddenWithTheProblemPrinted()
    {
        var (exit, _, error) = await _cli.RunAsync("demo-auditor", "status", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("failed: 403 Forbidden", error, StringComparison.Ordinal);
    }
}
