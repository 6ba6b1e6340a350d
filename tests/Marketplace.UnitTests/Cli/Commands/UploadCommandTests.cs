using System.Net;
using System.Text.Json;
using Marketplace.Cli.Commands;
using Marketplace.Cli.Uploads;

namespace Marketplace.UnitTests.Cli.Commands;

public sealed class UploadCommandTests : IDisposable
{
    private static readonly byte[] TiffHead = [.. "II*\0"u8];
    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ProviderCommandFixture _fixture = new();

    private FakeProviderServer Server => _fixture.Server;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Upload_NoWaitJson_SendsEveryBlockToStorageSubmitsAndPrintsTheProduct()
    {
        var (scene, sceneBytes) = _fixture.File("scene.tif", 100, TiffHead);
        var (thumb, thumbBytes) = _fixture.File("thumb.png", 20, PngHead);
        var offers = _fixture.Write("offers.json", """[{"title": "Standard", "price": 120}]""");

        var exit = await _fixture.RunAsync("upload", scene, "--asset", $"thumbnail={thumb}", "--collection", "optical-l2a",
            "--item-json", _fixture.DraftPath, "--offers", offers, "--no-wait", "--json", "--state", _fixture.StatePath);

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        using var printed = JsonDocument.Parse(_fixture.Cli.Output);
        Assert.Equal("submitted", printed.RootElement.GetProperty("status").GetString());
        var uploads = Server.AllUploads.OrderBy(u => u.FileName, StringComparer.Ordinal).ToList();
        Assert.Equal(["scene.tif", "thumb.png"], uploads.Select(u => u.FileName));
        Assert.Equal(sceneBytes, uploads[0].Content);
        Assert.Equal(thumbBytes, uploads[1].Content);
        Assert.Equal("image/tiff", uploads[0].MediaType);
        Assert.Equal(ProviderCommandFixture.Sha256(sceneBytes), uploads[0].Sha256);
        Assert.Equal(7 + 2, Server.StoragePuts);
        Assert.Equal(0, Server.ApiPuts);
        var submission = Assert.Single(Server.Submissions);
        Assert.Equal("optical-l2a", submission["collection"]!.GetValue<string>());
        Assert.Equal("scene-1", submission["item"]!["id"]!.GetValue<string>());
        Assert.Equal(MediaTypes.GeoTiff, submission["assets"]!["data"]!["type"]!.GetValue<string>());
        Assert.Equal(uploads[1].Id.ToString(), submission["assets"]!["thumbnail"]!["upload"]!.GetValue<string>());
        Assert.Equal("thumbnail", submission["assets"]!["thumbnail"]!["roles"]![0]!.GetValue<string>());
        Assert.Equal(120, submission["offers"]![0]!["price"]!.GetValue<int>());
        Assert.Contains("Submitted product", _fixture.Cli.Error, StringComparison.Ordinal);
        Assert.Empty((await new UploadStateFile(_fixture.StatePath, TimeProvider.System).LoadAsync(TestContext.Current.CancellationToken)).Uploads);
    }

    [Fact]
    public async Task Upload_AfterAnInterruption_SendsOnlyTheMissingBlocks()
    {
        var (scene, bytes) = _fixture.File("scene.tif", 100, TiffHead);
        var upload = Server.OpenUpload("scene.tif", bytes, 16, ProviderCommandFixture.Sha256(bytes), 0, 2, 3, 6);
        var file = FileFingerprint.Of(scene);
        await new UploadStateFile(_fixture.StatePath, TimeProvider.System).SaveAsync(new UploadStateEntry(
            FakeProviderServer.BaseUrl.ToString(), "demo-uploader", file.Path, file.Size, file.LastWriteTime, upload.Sha256!, upload.Id, "image/tiff",
            upload.ExpiresAt), TestContext.Current.CancellationToken);

        var exit = await _fixture.RunAsync("upload", scene, "--collection", "optical-l2a", "--item-json", _fixture.DraftPath, "--no-wait",
            "--state", _fixture.StatePath);

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        Assert.Equal(3, Server.StoragePuts);
        Assert.Equal(bytes, upload.Content);
        Assert.Single(Server.AllUploads);
        Assert.Contains($"resuming upload {upload.Id}: 4 of 7 blocks are in storage already", _fixture.Cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CompletedBeforeButNotSubmitted_SubmitsWithoutSendingAnything()
    {
        var (scene, _) = _fixture.File("scene.tif", 40, TiffHead);
        Server.Collections.Clear();
        var first = await _fixture.RunAsync("upload", scene, "--collection", "optical-l2a", "--item-json", _fixture.DraftPath, "--no-wait",
            "--state", _fixture.StatePath);
        var putsAfterFirst = Server.StoragePuts;
        Server.Collections.Add("optical-l2a");

        var second = await _fixture.RunAsync("upload", scene, "--collection", "optical-l2a", "--item-json", _fixture.DraftPath, "--no-wait",
            "--state", _fixture.StatePath);

        Assert.Equal(ExitCodes.Error, first);
        Assert.True(second == ExitCodes.Ok, _fixture.Cli.Error);
        Assert.Equal(3, putsAfterFirst);
        Assert.Equal(3, Server.StoragePuts);
        Assert.Single(Server.AllUploads);
        Assert.Contains("was completed before; nothing to send", _fixture.Cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_MissingCollection_PrintsTheProblemAndItsFieldErrorsAndKeepsTheUploads()
    {
        var (scene, _) = _fixture.File("scene.tif", 40, TiffHead);

        var exit = await _fixture.RunAsync("upload", scene, "--collection", "no-such-collection", "--item-json", _fixture.DraftPath,
            "--state", _fixture.StatePath);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("error: POST http://marketplace.test/products failed: 400 Bad Request (validation): One or more fields are not valid; see 'errors'.",
            _fixture.Cli.Error, StringComparison.Ordinal);
        Assert.Contains("  • collection: The collection 'no-such-collection' does not exist.", _fixture.Cli.Error, StringComparison.Ordinal);
        Assert.Contains("run the same command again to submit them without uploading again", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Single((await new UploadStateFile(_fixture.StatePath, TimeProvider.System).LoadAsync(TestContext.Current.CancellationToken)).Uploads);
    }

    [Fact]
    public async Task Upload_StorageBusyOnce_SendsTheBlockAgain()
    {
        var (scene, bytes) = _fixture.File("scene.tif", 40, TiffHead);
        Server.FailNextPut[1] = HttpStatusCode.ServiceUnavailable;

        var exit = await _fixture.RunAsync("upload", scene, "--collection", "optical-l2a", "--item-json", _fixture.DraftPath, "--no-wait",
            "--state", _fixture.StatePath);

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        Assert.Equal(4, Server.StoragePuts);
        Assert.Equal(bytes, Assert.Single(Server.AllUploads).Content);
    }

    [Fact]
    public async Task Upload_StorageRefusesABlock_FailsNamingItAndSayingHowToResume()
    {
        var (scene, _) = _fixture.File("scene.tif", 40, TiffHead);
        Server.FailNextPut[2] = HttpStatusCode.BadRequest;

        var exit = await _fixture.RunAsync("upload", scene, "--collection", "optical-l2a", "--item-json", _fixture.DraftPath, "--no-wait",
            "--state", _fixture.StatePath);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("error: Blob storage refused block 2: 400 Bad Request (ServerBusy: Busy.)", _fixture.Cli.Error, StringComparison.Ordinal);
        Assert.Contains("Run the same command again to resume", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Empty(Server.Submissions);
    }

    [Fact]
    public async Task Upload_WriteUrlRefused_GetsAFreshOneAndCarriesOn()
    {
        var (scene, bytes) = _fixture.File("scene.tif", 40, TiffHead);
        Server.RefuseNextSignature = true;

        var exit = await _fixture.RunAsync("upload", scene, "--collection", "optical-l2a", "--item-json", _fixture.DraftPath, "--no-wait",
            "--state", _fixture.StatePath, "--parallel", "1");

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        Assert.False(Server.RefuseNextSignature);
        Assert.Equal(4, Server.StoragePuts);
        Assert.Contains(Server.Requests, r => r.StartsWith("GET marketplace.test/uploads/", StringComparison.Ordinal));
        Assert.Equal(bytes, Assert.Single(Server.AllUploads).Content);
    }

    [Fact]
    public async Task Upload_ThroughApi_SendsTheBlocksThroughTheApi()
    {
        var (scene, bytes) = _fixture.File("scene.tif", 40, TiffHead);

        var exit = await _fixture.RunAsync("upload", scene, "--through-api", "--collection", "optical-l2a", "--item-json", _fixture.DraftPath,
            "--no-wait", "--state", _fixture.StatePath);

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        Assert.Equal(3, Server.ApiPuts);
        Assert.Equal(0, Server.StoragePuts);
        Assert.Equal(bytes, Assert.Single(Server.AllUploads).Content);
        Assert.Contains("uploaded to the API", _fixture.Cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PipelinePublishes_FollowsItAndExitsZero()
    {
        var (scene, _) = _fixture.File("scene.tif", 40, TiffHead);
        Server.Pipeline.Clear();
        Server.Pipeline.AddRange(["certifying", "published"]);

        var exit = await _fixture.RunAsync("upload", scene, "--collection", "optical-l2a", "--item-json", _fixture.DraftPath, "--state", _fixture.StatePath);

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        Assert.Contains("status: certifying", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Contains("step certification: running (attempt 1)", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Contains("status: published (grade restricted)", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Contains("optical-l2a/scene-1 version 1, published, grade restricted", _fixture.Cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PipelineRejects_PrintsTheFindingsAndExitsThree()
    {
        var (scene, _) = _fixture.File("scene.tif", 40, TiffHead);
        Server.Pipeline.Clear();
        Server.Pipeline.Add("rejected");

        var exit = await _fixture.RunAsync("upload", scene, "--collection", "optical-l2a", "--item-json", _fixture.DraftPath, "--state", _fixture.StatePath);

        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("✗ step certification failed after 1 attempt", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Contains("error   raster.crs-missing: The raster has no coordinate reference system. (at data)", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Contains("warning raster.nodata-missing: No nodata value is declared. (at data)", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Contains("Rejected: certification found 1 error", _fixture.Cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NoFile_IsAUsageError()
    {
        var exit = await _fixture.RunAsync("upload", "--collection", "optical-l2a", "--item-json", _fixture.DraftPath);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.StartsWith("error: Name at least one file", _fixture.Cli.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Upload_FileMissing_FailsBeforeAnythingIsSent()
    {
        var (scene, _) = _fixture.File("scene.tif", 40, TiffHead);

        var exit = await _fixture.RunAsync("upload", scene, "missing.tif", "--collection", "optical-l2a", "--item-json", _fixture.DraftPath);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("missing.tif does not exist", _fixture.Cli.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
