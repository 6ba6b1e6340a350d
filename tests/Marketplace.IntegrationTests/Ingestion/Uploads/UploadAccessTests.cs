using System.Net;
using System.Net.Http.Json;
using Marketplace.IntegrationTests.Infrastructure;
using static Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Uploads;

public sealed class UploadAccessTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uploads_OfAnotherOrganization_AreNotFound()
    {
        using var owner = await app.ClientAsAsync("demo-uploader", Ct);
        var upload = await CreateAsync(owner, MiB, null, Ct);
        var id = Id(upload);
        var (stranger, _) = await NewProviderAsync(app, Ct);
        using var _ = stranger;

        using var get = await stranger.GetAsync($"/uploads/{id}", Ct);
        using var block = await stranger.PutAsync($"/uploads/{id}/blocks/0", new ByteArrayContent(new byte[MiB]), Ct);
        using var complete = await stranger.PostAsync($"/uploads/{id}/complete", null, Ct);
        using var abort = await stranger.DeleteAsync($"/uploads/{id}", Ct);
        using var unknown = await owner.GetAsync($"/uploads/{Guid.NewGuid()}", Ct);

        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, "not-found", Ct);
        await ProblemAssert.IsProblemAsync(block, HttpStatusCode.NotFound, "not-found", Ct);
        await ProblemAssert.IsProblemAsync(complete, HttpStatusCode.NotFound, "not-found", Ct);
        await ProblemAssert.IsProblemAsync(abort, HttpStatusCode.NotFound, "not-found", Ct);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found", Ct);
        Assert.Equal("open", (await GetAsync(owner, id, Ct)).GetProperty("status").GetString());
        (await owner.DeleteAsync($"/uploads/{id}", Ct)).Dispose();
    }

    [Theory]
    [InlineData("demo-government-buyer")]
    [InlineData("demo-commercial-buyer-admin")]
    [InlineData("demo-auditor")]
    [InlineData("demo-platform-admin")]
    public async Task Uploads_ForCallersWithoutAnUploadRole_AreForbidden(string clientId)
    {
        using var provider = await app.ClientAsAsync("demo-provider-admin", Ct);
        var id = Id(await CreateAsync(provider, MiB, null, Ct));
        using var caller = await app.ClientAsAsync(clientId, Ct);

        using var create = await caller.PostAsJsonAsync("/uploads", new { fileName = "a.tif", size = 10, mediaType = "image/tiff" }, Ct);
        using var get = await caller.GetAsync($"/uploads/{id}", Ct);
        using var quota = await caller.GetAsync("/uploads/quota", Ct);

        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "forbidden", Ct);
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.Forbidden, "forbidden", Ct);
        await ProblemAssert.IsProblemAsync(quota, HttpStatusCode.Forbidden, "forbidden", Ct);
        (await provider.DeleteAsync($"/uploads/{id}", Ct)).Dispose();
    }

    [Fact]
    public async Task Uploads_WithoutAToken_AreUnauthenticated()
    {
        using var anonymous = app.CreateClient();

        using var create = await anonymous.PostAsJsonAsync("/uploads", new { fileName = "a.tif", size = 10, mediaType = "image/tiff" }, Ct);
        using var get = await anonymous.GetAsync($"/uploads/{Guid.NewGuid()}", Ct);
        using var block = await anonymous.PutAsync($"/uploads/{Guid.NewGuid()}/blocks/0", new ByteArrayContent(new byte[10]), Ct);

        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Unauthorized, "unauthenticated", Ct);
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.Unauthorized, "unauthenticated", Ct);
        await ProblemAssert.IsProblemAsync(block, HttpStatusCode.Unauthorized, "unauthenticated", Ct);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("scenes/scene.tif")]
    [InlineData("C:\\scenes\\scene.tif")]
    [InlineData("scene\u0000.tif")]
    [InlineData("scene\n.tif")]
    [InlineData("gpj.\u202Escene.tif")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CreateUpload_FileNameThatIsAPathOrHidesCharacters_Returns400(string fileName)
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);

        using var response = await uploader.PostAsJsonAsync("/uploads", new { fileName, size = 10, mediaType = "image/tiff" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.Equal(["fileName"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task CreateUpload_FileName_IsOnlyALabel_TheBlobNameIsMadeByTheServer()
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);
        var fileName = "Szene über Köln (2026) – 50 cm?#%.tif";

        var upload = await CreateAsync(uploader, 10, null, Ct, fileName: fileName);

        Assert.Equal(fileName, upload.GetProperty("fileName").GetString());
        Assert.EndsWith($"staging/{app.OrganizationId("orbital-eye")}/{Id(upload)}", UploadUrl(upload).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(fileName, (await GetAsync(uploader, Id(upload), Ct)).GetProperty("fileName").GetString());
        (await uploader.DeleteAsync($"/uploads/{Id(upload)}", Ct)).Dispose();
    }

    [Fact]
    public async Task CreateUpload_WithEveryOtherFieldInvalid_Returns400NamingEachField()
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);

        using var response = await uploader.PostAsJsonAsync("/uploads",
            new { fileName = "a.tif", size = 0, mediaType = "image tiff", sha256 = "abc", blockSize = 1024 }, Ct);
        using var tooManyBlocks = await uploader.PostAsJsonAsync("/uploads",
            new { fileName = "a.tif", size = 60_000L * MiB, mediaType = "image/tiff", blockSize = MiB }, Ct);
        using var tooLarge = await uploader.PostAsJsonAsync("/uploads",
            new { fileName = "a.tif", size = 1025L * 1024 * 1024 * 1024, mediaType = "image/tiff" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.Equal(["blockSize", "mediaType", "sha256", "size"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var blocks = await ProblemAssert.IsProblemAsync(tooManyBlocks, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.Equal(["blockSize"], blocks.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var size = await ProblemAssert.IsProblemAsync(tooLarge, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.Equal(["size"], size.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task CreateUpload_WithoutABlockSize_AdvisesOneThatKeepsThePlanWithinTheBlockLimit()
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);

        var small = await CreateAsync(uploader, 20L * MiB, null, Ct);
        var huge = await CreateAsync(uploader, 1000L * 1024 * MiB, null, Ct);

        Assert.Equal(8L * MiB, small.GetProperty("blocks").GetProperty("blockSize").GetInt64());
        Assert.Equal(3, small.GetProperty("blocks").GetProperty("blockCount").GetInt32());
        Assert.Equal(21L * MiB, huge.GetProperty("blocks").GetProperty("blockSize").GetInt64());
        Assert.True(huge.GetProperty("blocks").GetProperty("blockCount").GetInt32() <= 50_000);
        Assert.Equal(100L * MiB, huge.GetProperty("blocks").GetProperty("maxBlockSize").GetInt64());
        (await uploader.DeleteAsync($"/uploads/{Id(small)}", Ct)).Dispose();
        (await uploader.DeleteAsync($"/uploads/{Id(huge)}", Ct)).Dispose();
    }
}
