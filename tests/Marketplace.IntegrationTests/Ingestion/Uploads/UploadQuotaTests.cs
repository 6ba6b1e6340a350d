using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using static Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Uploads;

public sealed class UploadQuotaTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUpload_BeyondTheOrganizationsBytes_IsRefusedBeforeAnyUploadExists()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        await SetQuotaAsync(app, organizationId, 10L * MiB, null, Ct);
        var first = await CreateAsync(uploader, 8L * MiB, null, Ct);

        using var refused = await uploader.PostAsJsonAsync("/uploads", new { fileName = "b.tif", size = 3L * MiB, mediaType = "image/tiff" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "upload-storage-quota-exceeded", Ct);
        Assert.Equal(10L * MiB, problem.GetProperty("maxBytes").GetInt64());
        Assert.Equal(8L * MiB, problem.GetProperty("usedBytes").GetInt64());
        Assert.Equal(3L * MiB, problem.GetProperty("requestedBytes").GetInt64());
        Assert.False(refused.Headers.Contains("Location"));
        var quota = await QuotaAsync(uploader, Ct);
        Assert.Equal(1, quota.GetProperty("openUploads").GetInt32());
        Assert.Equal(8L * MiB, quota.GetProperty("usedBytes").GetInt64());
        Assert.Equal(10L * MiB, quota.GetProperty("maxBytesOverride").GetInt64());
        var fits = await CreateAsync(uploader, 2L * MiB, null, Ct);
        Assert.Equal(10L * MiB, (await QuotaAsync(uploader, Ct)).GetProperty("usedBytes").GetInt64());
        Assert.NotEqual(Id(first), Id(fits));
    }

    [Fact]
    public async Task CreateUpload_BeyondTheOrganizationsOpenUploads_IsRefusedUntilOneEnds()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        await SetQuotaAsync(app, organizationId, null, 2, Ct);
        var first = await CreateAsync(uploader, MiB, null, Ct);
        await CreateAsync(uploader, MiB, null, Ct);

        using var refused = await uploader.PostAsJsonAsync("/uploads", new { fileName = "c.tif", size = MiB, mediaType = "image/tiff" }, Ct);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "upload-concurrency-quota-exceeded", Ct);
        Assert.Equal(2, problem.GetProperty("maxConcurrentUploads").GetInt32());
        Assert.Equal(2, (await QuotaAsync(uploader, Ct)).GetProperty("openUploads").GetInt32());
        (await uploader.DeleteAsync($"/uploads/{Id(first)}", Ct)).Dispose();

        var third = await CreateAsync(uploader, MiB, null, Ct);
        Assert.Equal("open", third.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CreateUpload_ManyAtOnce_NeverExceedsTheQuota()
    {
        var (uploader, organizationId) = await NewProviderAsync(app, Ct);
        using var _ = uploader;
        await SetQuotaAsync(app, organizationId, null, 3, Ct);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await uploader.PostAsJsonAsync("/uploads", new { fileName = $"{i}.tif", size = MiB, mediaType = "image/tiff" }, Ct);
            return response.StatusCode;
        }));

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(3, (await QuotaAsync(uploader, Ct)).GetProperty("openUploads").GetInt32());
    }

    [Fact]
    public async Task UploadQuota_WithoutOverrides_ShowsTheDefaults()
    {
        var (uploader, _) = await NewProviderAsync(app, Ct);
        using var _ = uploader;

        var quota = await QuotaAsync(uploader, Ct);

        Assert.Equal(2048L * 1024 * MiB, quota.GetProperty("maxBytes").GetInt64());
        Assert.Equal(20, quota.GetProperty("maxConcurrentUploads").GetInt32());
        Assert.Equal(JsonValueKind.Null, quota.GetProperty("maxBytesOverride").ValueKind);
        Assert.Equal(0, quota.GetProperty("usedBytes").GetInt64());
    }

    [Fact]
    public async Task SetUploadQuota_OnlyForPlatformAdmins_OfKnownOrganizations_WithValidLimits()
    {
        using var platform = await app.ClientAsAsync("demo-platform-admin", Ct);
        using var providerAdmin = await app.ClientAsAsync("demo-provider-admin", Ct);
        var organizationId = app.OrganizationId("orbital-eye");

        using var byProvider = await providerAdmin.PutAsJsonAsync($"/uploads/quota/{organizationId}", new { maxBytes = 1L << 50 }, Ct);
        using var unknown = await platform.PutAsJsonAsync($"/uploads/quota/{Guid.NewGuid()}", new { maxBytes = 10 }, Ct);
        using var negative = await platform.PutAsJsonAsync($"/uploads/quota/{organizationId}", new { maxBytes = -1, maxConcurrentUploads = -2 }, Ct);

        await ProblemAssert.IsProblemAsync(byProvider, HttpStatusCode.Forbidden, "forbidden", Ct);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found", Ct);
        var problem = await ProblemAssert.IsProblemAsync(negative, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.Equal(["maxBytes", "maxConcurrentUploads"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }
}
