using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Ingestion.Uploads;
using Marketplace.IntegrationTests.Infrastructure;
using static Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Uploads;

public sealed class UploadTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_EightBlocksInParallelThroughTheWriteUrl_CompletesWithTheSameContent()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        var file = File(7 * MiB + 300_000, seed: 1);
        var sha256 = Sha256Hex(file);
        var upload = await CreateAsync(uploader, file.Length, MiB, Ct, sha256: sha256.ToUpperInvariant());
        var id = Id(upload);
        using var http = new HttpClient();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(n => PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, n, Ct)));
        var progress = (await GetAsync(uploader, id, Ct)).GetProperty("received");
        using var completed = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);

        Assert.Equal("open", upload.GetProperty("status").GetString());
        Assert.Equal(8, upload.GetProperty("blocks").GetProperty("blockCount").GetInt32());
        Assert.Equal(sha256, upload.GetProperty("sha256").GetString());
        Assert.Equal(8, progress.GetProperty("uncommittedBlocks").GetArrayLength());
        Assert.Equal(file.Length, progress.GetProperty("bytes").GetInt64());
        Assert.Empty(progress.GetProperty("missingBlocks").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var view = await MarketplaceApp.ReadJsonAsync(completed, Ct);
        Assert.Equal("completed", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("uploadUrl").ValueKind);
        Assert.Equal(sha256, await BlobSha256Async(app, organizationId, id, Ct));
        var properties = (await Blob(app, organizationId, id).GetPropertiesAsync(cancellationToken: Ct)).Value;
        Assert.Equal("image/tiff", properties.ContentType);
        Assert.Equal(sha256, properties.Metadata["sha256"]);
        var after = await GetAsync(uploader, id, Ct);
        Assert.Equal(8, after.GetProperty("received").GetProperty("committedBlocks").GetArrayLength());
        Assert.Equal(file.Length, after.GetProperty("received").GetProperty("committedBytes").GetInt64());
    }

    [Fact]
    public async Task Upload_InterruptedMidway_GetNamesTheMissingBlocksAndTheClientResumes()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        var file = File(8 * MiB, seed: 2);
        var upload = await CreateAsync(uploader, file.Length, MiB, Ct);
        var id = Id(upload);
        using var http = new HttpClient();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(n => PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, n, Ct)));
        using (var broken = new StreamContent(new BreaksAfter(new MemoryStream(file, 5 * MiB, MiB), 200_000)))
        {
            broken.Headers.ContentLength = MiB;
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => PutBlockAsync(http, UploadUrl(upload), BlockIds.For(5), broken, Ct));
        }

        var resumed = await GetAsync(uploader, id, Ct);
        var received = resumed.GetProperty("received");
        Assert.Equal([5, 6, 7], received.GetProperty("missingBlocks").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal(5L * MiB, received.GetProperty("bytes").GetInt64());
        Assert.Equal([0, 1, 2, 3, 4], received.GetProperty("uncommittedBlocks").EnumerateArray().Select(b => b.GetProperty("number").GetInt32()).Order());
        var freshUrl = UploadUrl(resumed);
        await Task.WhenAll(new[] { 5, 6, 7 }.Select(n => PutPlannedBlockAsync(http, freshUrl, file, MiB, n, Ct)));
        using var completed = await uploader.PostAsJsonAsync($"/uploads/{id}/complete", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(Sha256Hex(file), await BlobSha256Async(app, organizationId, id, Ct));
    }

    [Fact]
    public async Task WriteUrl_CannotReadListDeleteOrWriteAnotherBlob()
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);
        var upload = await CreateAsync(uploader, MiB, null, Ct);
        var url = UploadUrl(upload);
        using var http = new HttpClient();
        using var block = new ByteArrayContent(new byte[1000]);
        using var staged = await PutBlockAsync(http, url, BlockIds.For(0), block, Ct);
        Assert.Equal(HttpStatusCode.Created, staged.StatusCode);

        var container = new Uri(url, "..").GetLeftPart(UriPartial.Path).TrimEnd('/');
        var sibling = new UriBuilder(url) { Path = url.AbsolutePath + "-other" }.Uri;
        using var read = await http.GetAsync(url, Ct);
        using var blockList = await http.GetAsync($"{url}&comp=blocklist&blocklisttype=all", Ct);
        using var list = await http.GetAsync($"{container}?restype=container&comp=list&{url.Query.TrimStart('?')}", Ct);
        using var delete = await http.DeleteAsync(url, Ct);
        using var other = new ByteArrayContent(new byte[10]);
        using var writeOther = await PutBlockAsync(http, sibling, BlockIds.For(0), other, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, blockList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeOther.StatusCode);
        Assert.EndsWith($"staging/{app.OrganizationId("orbital-eye")}/{Id(upload)}", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sp=cw&", url.Query, StringComparison.Ordinal);
        (await uploader.DeleteAsync($"/uploads/{Id(upload)}", Ct)).Dispose();
    }

    [Fact]
    public async Task Fallback_EightBlocksInParallelThroughTheApi_CompletesWithTheSameContent()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        var file = File(7 * MiB + 12_345, seed: 3);
        var upload = await CreateAsync(uploader, file.Length, MiB, Ct);
        var id = Id(upload);

        var staged = await Task.WhenAll(Enumerable.Range(0, 8).Select(async n =>
        {
            var offset = n * MiB;
            var length = Math.Min(MiB, file.Length - offset);
            using var content = new ByteArrayContent(file, offset, length);
            content.Headers.ContentMD5 = ContentMd5(file.AsSpan(offset, length));
            using var response = await uploader.PutAsync($"/uploads/{id}/blocks/{n}", content, Ct);
            return (response.StatusCode, Body: await MarketplaceApp.ReadJsonAsync(response, Ct));
        }));
        var progress = (await GetAsync(uploader, id, Ct)).GetProperty("received");
        using var completed = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);

        Assert.All(staged, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        Assert.Equal(BlockIds.For(7), staged[7].Body.GetProperty("id").GetString());
        Assert.Equal(12_345, staged[7].Body.GetProperty("size").GetInt64());
        Assert.Equal(file.Length, progress.GetProperty("bytes").GetInt64());
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(Sha256Hex(file), await BlobSha256Async(app, organizationId, id, Ct));
    }

    [Fact]
    public async Task Fallback_BlockOutsideThePlanUnsizedOversizedOrCorrupt_IsRefusedWithItsProblem()
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);
        var upload = await CreateAsync(uploader, 2 * MiB + 10, MiB, Ct);
        var id = Id(upload);

        using var wrongLength = await uploader.PutAsync($"/uploads/{id}/blocks/2", new ByteArrayContent(new byte[11]), Ct);
        using var beyondPlan = await uploader.PutAsync($"/uploads/{id}/blocks/3", new ByteArrayContent(new byte[10]), Ct);
        using var negative = await uploader.PutAsync($"/uploads/{id}/blocks/-1", new ByteArrayContent(new byte[10]), Ct);
        using var chunked = new HttpRequestMessage(HttpMethod.Put, $"/uploads/{id}/blocks/2") { Content = new StreamContent(new MemoryStream(new byte[10])) };
        chunked.Headers.TransferEncodingChunked = true;
        using var unsized = await uploader.SendAsync(chunked, Ct);
        using var corruptContent = new ByteArrayContent(new byte[10]);
        corruptContent.Headers.ContentMD5 = ContentMd5(new byte[] { 1 });
        using var corrupt = await uploader.PutAsync($"/uploads/{id}/blocks/2", corruptContent, Ct);
        using var badMd5Content = new ByteArrayContent(new byte[10]);
        badMd5Content.Headers.TryAddWithoutValidation("Content-MD5", "not base64!");
        using var badMd5 = await uploader.PutAsync($"/uploads/{id}/blocks/2", badMd5Content, Ct);
        using var oversized = await uploader.PutAsync($"/uploads/{id}/blocks/0", new ByteArrayContent(new byte[100 * MiB + 1]), Ct);

        var problem = await ProblemAssert.IsProblemAsync(wrongLength, HttpStatusCode.UnprocessableEntity, "upload-block-not-in-plan", Ct);
        Assert.Equal(10, problem.GetProperty("expectedLength").GetInt64());
        await ProblemAssert.IsProblemAsync(beyondPlan, HttpStatusCode.UnprocessableEntity, "upload-block-not-in-plan", Ct);
        await ProblemAssert.IsProblemAsync(negative, HttpStatusCode.UnprocessableEntity, "upload-block-not-in-plan", Ct);
        await ProblemAssert.IsProblemAsync(unsized, HttpStatusCode.LengthRequired, "length-required", Ct);
        await ProblemAssert.IsProblemAsync(corrupt, HttpStatusCode.BadRequest, "upload-block-checksum-mismatch", Ct);
        var invalid = await ProblemAssert.IsProblemAsync(badMd5, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("Content-MD5", out var _));
        await ProblemAssert.IsProblemAsync(oversized, HttpStatusCode.RequestEntityTooLarge, "payload-too-large", Ct);
        Assert.Empty((await GetAsync(uploader, id, Ct)).GetProperty("received").GetProperty("uncommittedBlocks").EnumerateArray());
        (await uploader.DeleteAsync($"/uploads/{id}", Ct)).Dispose();
    }

    [Fact]
    public async Task Complete_BlocksDoNotAddUpToTheDeclaredSize_Returns422AndTheUploadStaysOpen()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        var file = File(3 * MiB, seed: 4);
        var upload = await CreateAsync(uploader, file.Length, MiB, Ct);
        var id = Id(upload);
        using var http = new HttpClient();
        await PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, 0, Ct);
        await PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, 1, Ct);
        using (var short2 = new ByteArrayContent(file, 2 * MiB, MiB / 2))
        {
            (await PutBlockAsync(http, UploadUrl(upload), BlockIds.For(2), short2, Ct)).Dispose();
        }

        using var mismatch = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);

        var problem = await ProblemAssert.IsProblemAsync(mismatch, HttpStatusCode.UnprocessableEntity, "upload-size-mismatch", Ct);
        Assert.Equal(3L * MiB, problem.GetProperty("declaredSize").GetInt64());
        Assert.Equal(2L * MiB + (MiB / 2), problem.GetProperty("receivedSize").GetInt64());
        var stillOpen = await GetAsync(uploader, id, Ct);
        Assert.Equal("open", stillOpen.GetProperty("status").GetString());
        Assert.Equal(3, stillOpen.GetProperty("received").GetProperty("uncommittedBlocks").GetArrayLength());
        await PutPlannedBlockAsync(http, UploadUrl(stillOpen), file, MiB, 2, Ct);
        using var completed = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(Sha256Hex(file), await BlobSha256Async(app, organizationId, id, Ct));
    }

    [Fact]
    public async Task Complete_WithBlocksMissing_Returns422NamingThem()
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);
        var file = File(4 * MiB, seed: 5);
        var upload = await CreateAsync(uploader, file.Length, MiB, Ct);
        var id = Id(upload);
        using var http = new HttpClient();
        await PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, 0, Ct);
        await PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, 2, Ct);

        using var response = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "upload-blocks-missing", Ct);
        Assert.Equal([1, 3], problem.GetProperty("missingBlocks").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal([BlockIds.For(1), BlockIds.For(3)], problem.GetProperty("missingBlockIds").EnumerateArray().Select(n => n.GetString()));
        (await uploader.DeleteAsync($"/uploads/{id}", Ct)).Dispose();
    }

    [Fact]
    public async Task Complete_WithAnExplicitBlockList_CommitsTheBlocksInThatOrder()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        var first = File(MiB, seed: 6);
        var second = File(MiB, seed: 7);
        var upload = await CreateAsync(uploader, 2 * MiB, MiB, Ct);
        var id = Id(upload);
        using var http = new HttpClient();
        using (var a = new ByteArrayContent(first))
        using (var b = new ByteArrayContent(second))
        {
            (await PutBlockAsync(http, UploadUrl(upload), "YWFhYQ==", a, Ct)).Dispose();
            (await PutBlockAsync(http, UploadUrl(upload), "YmJiYg==", b, Ct)).Dispose();
        }

        using var invalid = await uploader.PostAsJsonAsync($"/uploads/{id}/complete", new { blockIds = new[] { "YmJiYg==", "not an id" } }, Ct);
        using var completed = await uploader.PostAsJsonAsync($"/uploads/{id}/complete", new { blockIds = new[] { "YmJiYg==", "YWFhYQ==" } }, Ct);

        await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(Sha256Hex([.. second, .. first]), await BlobSha256Async(app, organizationId, id, Ct));
        var received = (await GetAsync(uploader, id, Ct)).GetProperty("received");
        Assert.Equal(["YmJiYg==", "YWFhYQ=="], received.GetProperty("committedBlocks").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, received.GetProperty("committedBlocks")[0].GetProperty("number").ValueKind);
        Assert.Empty(received.GetProperty("missingBlocks").EnumerateArray());
    }

    [Fact]
    public async Task CompletedUpload_IsSealed_WritesFailAndCompletingAgainChangesNothing()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        var file = File(2 * MiB, seed: 8);
        var upload = await CreateAsync(uploader, file.Length, MiB, Ct);
        var id = Id(upload);
        using var http = new HttpClient();
        await PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, 0, Ct);
        await PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, 1, Ct);
        using var completed = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var etag = (await Blob(app, organizationId, id).GetPropertiesAsync(cancellationToken: Ct)).Value.ETag;

        using var overwrite = new ByteArrayContent(new byte[10]);
        using var putBlock = await PutBlockAsync(http, UploadUrl(upload), BlockIds.For(0), overwrite, Ct);
        using var commitRequest = new HttpRequestMessage(HttpMethod.Put, $"{UploadUrl(upload)}&comp=blocklist")
        {
            Content = new StringContent($"<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList><Latest>{BlockIds.For(0)}</Latest></BlockList>"),
        };
        commitRequest.Headers.Add("x-ms-version", StorageVersion);
        using var putBlockList = await http.SendAsync(commitRequest, Ct);
        using var viaApi = await uploader.PutAsync($"/uploads/{id}/blocks/0", new ByteArrayContent(new byte[MiB]), Ct);
        using var again = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, putBlock.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, putBlockList.StatusCode);
        await ProblemAssert.IsProblemAsync(viaApi, HttpStatusCode.Conflict, "upload-not-open", Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("completed", (await MarketplaceApp.ReadJsonAsync(again, Ct)).GetProperty("status").GetString());
        Assert.Equal(etag, (await Blob(app, organizationId, id).GetPropertiesAsync(cancellationToken: Ct)).Value.ETag);
        Assert.Equal(Sha256Hex(file), await BlobSha256Async(app, organizationId, id, Ct));
    }

    [Fact]
    public async Task Abort_DeletesTheBlobAndItsBlocks_AndTheUploadAcceptsNothingMore()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        var file = File(2 * MiB, seed: 9);
        var upload = await CreateAsync(uploader, file.Length, MiB, Ct);
        var id = Id(upload);
        using var http = new HttpClient();
        await PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, 0, Ct);

        using var aborted = await uploader.DeleteAsync($"/uploads/{id}", Ct);
        using var again = await uploader.DeleteAsync($"/uploads/{id}", Ct);
        using var complete = await uploader.PostAsync($"/uploads/{id}/complete", null, Ct);
        using var block = await uploader.PutAsync($"/uploads/{id}/blocks/1", new ByteArrayContent(new byte[MiB]), Ct);

        Assert.Equal(HttpStatusCode.NoContent, aborted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(complete, HttpStatusCode.Conflict, "upload-not-open", Ct);
        Assert.Equal("aborted", problem.GetProperty("uploadStatus").GetString());
        await ProblemAssert.IsProblemAsync(block, HttpStatusCode.Conflict, "upload-not-open", Ct);
        var view = await GetAsync(uploader, id, Ct);
        Assert.Equal("aborted", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("received").ValueKind);
        Assert.False(await Blob(app, organizationId, id).ExistsAsync(Ct));
        var quota = await QuotaAsync(uploader, Ct);
        Assert.Equal(0, quota.GetProperty("openUploads").GetInt32());
        Assert.Equal(0, quota.GetProperty("usedBytes").GetInt64());
    }

    [Fact]
    public async Task Abort_OfACompletedUpload_DiscardsItsSealedBlob()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        var file = File(MiB, seed: 10);
        var upload = await CreateAsync(uploader, file.Length, MiB, Ct);
        var id = Id(upload);
        using var http = new HttpClient();
        await PutPlannedBlockAsync(http, UploadUrl(upload), file, MiB, 0, Ct);
        (await uploader.PostAsync($"/uploads/{id}/complete", null, Ct)).Dispose();
        Assert.Equal((long)MiB, (await QuotaAsync(uploader, Ct)).GetProperty("usedBytes").GetInt64());

        using var discarded = await uploader.DeleteAsync($"/uploads/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        Assert.False(await Blob(app, organizationId, id).ExistsAsync(Ct));
        Assert.Equal(0, (await QuotaAsync(uploader, Ct)).GetProperty("usedBytes").GetInt64());
    }

    [Fact]
    public async Task Lifecycle_IsRecordedInTheAuditLogForTheOrganization()
    {
        var (uploader, _) = await NewProviderAsync(app, Ct);
        using var client = uploader;
        var file = File(MiB, seed: 11);
        var completedUpload = await CreateAsync(uploader, file.Length, MiB, Ct);
        var abortedUpload = await CreateAsync(uploader, file.Length, MiB, Ct);
        using var http = new HttpClient();
        await PutPlannedBlockAsync(http, UploadUrl(completedUpload), file, MiB, 0, Ct);
        (await uploader.PostAsync($"/uploads/{Id(completedUpload)}/complete", null, Ct)).Dispose();
        (await uploader.DeleteAsync($"/uploads/{Id(abortedUpload)}", Ct)).Dispose();

        await AuditTestLog.SequenceAllAsync(app, Ct);
        var entries = await AuditTestLog.EntriesAsync(uploader, Ct);

        string[] Actions(Guid id) => entries.Select(e => e.GetProperty("entry"))
            .Where(e => e.GetProperty("objects").EnumerateArray().Any(o => o.GetString() == $"upload:{id}"))
            .Select(e => e.GetProperty("action").GetString()!).ToArray();
        Assert.Equal(["upload.created", "upload.completed"], Actions(Id(completedUpload)));
        Assert.Equal(["upload.created", "upload.aborted"], Actions(Id(abortedUpload)));
    }

    [Fact]
    public async Task UploadEndpoints_AreDescribed_AndTheirProblemTypesDereferenceable()
    {
        using var client = app.CreateClient();

        var paths = (await MarketplaceApp.ReadJsonAsync(await client.GetAsync("/openapi/v1.json", Ct), Ct)).GetProperty("paths");
        string[] slugs = ["upload-storage-quota-exceeded", "upload-concurrency-quota-exceeded", "upload-not-open", "upload-blocks-missing",
            "upload-size-mismatch", "upload-block-not-in-plan", "upload-block-checksum-mismatch", "length-required"];
        var described = await Task.WhenAll(slugs.Select(async slug =>
        {
            using var response = await client.GetAsync($"/problems/{slug}", Ct);
            return response.StatusCode;
        }));

        Assert.True(paths.GetProperty("/uploads").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/uploads/{uploadId}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/uploads/{uploadId}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/uploads/{uploadId}/complete").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/uploads/{uploadId}/blocks/{blockNumber}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/uploads/quota/{organizationId}").TryGetProperty("put", out _));
        Assert.All(described, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    /// <summary>A request body that fails part-way, as a dropped connection does.</summary>
    private sealed class BreaksAfter(Stream inner, int bytes) : Stream
    {
        private int _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= bytes)
            {
                throw new IOException("The connection dropped.");
            }
            var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, bytes - _read)], cancellationToken);
            _read += read;
            return read;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
