using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Marketplace.Ingestion.Uploads;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Uploads;

/// <summary>The marketplace without its background worker, so only the test decides when uploads expire.</summary>
public sealed class UploadExpiryApp(StackFixture stack) : MarketplaceApp(stack)
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Hosting:Roles"] = "api";
}

public sealed class UploadExpiryTests(UploadExpiryApp app) : IClassFixture<UploadExpiryApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpireUploads_AfterTheExpiry_DeletesTheBlobMarksTheUploadExpiredAndFreesTheQuota()
    {
        using var uploader = await app.ClientAsAsync("demo-uploader", Ct);
        var organizationId = app.OrganizationId("orbital-eye");
        await SetQuotaAsync(app, organizationId, null, 1, Ct);
        using var http = new HttpClient();
        var file = File(2 * MiB, seed: 20);
        var completed = await CreateAsync(uploader, file.Length, MiB, Ct);
        await PutPlannedBlockAsync(http, UploadUrl(completed), file, MiB, 0, Ct);
        await PutPlannedBlockAsync(http, UploadUrl(completed), file, MiB, 1, Ct);
        (await uploader.PostAsync($"/uploads/{Id(completed)}/complete", null, Ct)).Dispose();
        var abandoned = await CreateAsync(uploader, file.Length, MiB, Ct);
        var abandonedId = Id(abandoned);
        await PutPlannedBlockAsync(http, UploadUrl(abandoned), file, MiB, 0, Ct);
        using (var block = new ByteArrayContent(file, MiB, MiB))
        {
            (await uploader.PutAsync($"/uploads/{abandonedId}/blocks/1", block, Ct)).Dispose();
        }
        using var refused = await uploader.PostAsJsonAsync("/uploads", new { fileName = "next.tif", size = MiB, mediaType = "image/tiff" }, Ct);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "upload-concurrency-quota-exceeded", Ct);
        var expiresAt = abandoned.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(24), expiresAt - abandoned.GetProperty("createdAt").GetDateTimeOffset());

        var beforeExpiry = await SweepAsync(new FakeTimeProvider(expiresAt.AddMinutes(-1)));
        var afterExpiry = await SweepAsync(new FakeTimeProvider(expiresAt.AddMinutes(1)));
        var nothingLeft = await SweepAsync(new FakeTimeProvider(expiresAt.AddHours(1)));

        Assert.Equal(0, beforeExpiry);
        Assert.Equal(1, afterExpiry);
        Assert.Equal(0, nothingLeft);
        var view = await GetAsync(uploader, abandonedId, Ct);
        Assert.Equal("expired", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("uploadUrl").ValueKind);
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(app, organizationId, abandonedId).GetBlockListAsync(BlockListTypes.All, cancellationToken: Ct));
        Assert.Equal(404, gone.Status);
        using var late = await uploader.PostAsync($"/uploads/{abandonedId}/complete", null, Ct);
        var problem = await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict, "upload-not-open", Ct);
        Assert.Equal("expired", problem.GetProperty("uploadStatus").GetString());
        Assert.Equal("completed", (await GetAsync(uploader, Id(completed), Ct)).GetProperty("status").GetString());
        Assert.Equal(Sha256Hex(file), await BlobSha256Async(app, organizationId, Id(completed), Ct));
        var quota = await QuotaAsync(uploader, Ct);
        Assert.Equal(0, quota.GetProperty("openUploads").GetInt32());
        Assert.Equal(2L * MiB, quota.GetProperty("usedBytes").GetInt64());
        var next = await CreateAsync(uploader, MiB, null, Ct);
        Assert.Equal("open", next.GetProperty("status").GetString());
        await AuditTestLog.SequenceAllAsync(app, Ct);
        var expiredEntry = (await AuditTestLog.EntriesAsync(uploader, Ct)).Select(e => e.GetProperty("entry"))
            .Single(e => e.GetProperty("action").GetString() == "upload.expired");
        Assert.Equal($"upload:{abandonedId}", expiredEntry.GetProperty("objects")[0].GetString());
        Assert.Equal("platform", expiredEntry.GetProperty("actor").GetProperty("type").GetString());
    }

    private async Task<int> SweepAsync(TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<ExpireUploads>(scope.ServiceProvider, clock).HandleAsync(Ct);
    }
}
