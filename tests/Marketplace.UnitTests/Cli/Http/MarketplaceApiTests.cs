using System.Net;
using Marketplace.Cli.Http;

namespace Marketplace.UnitTests.Cli.Http;

public sealed class MarketplaceApiTests : IDisposable
{
    private readonly FakeAuditLog _log = new(entries: 3);
    private readonly ManualClock _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http;

    public MarketplaceApiTests() => _http = new HttpClient(_log.CreateHandler()) { BaseAddress = FakeAuditLog.BaseUrl };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _http.Dispose();
        _log.Dispose();
    }

    [Fact]
    public async Task GetEntries_TwoCallsWithinTheTokenLifetime_GetOneToken()
    {
        var api = new MarketplaceApi(_http, _clock, new ClientCredentials("demo-auditor", "secret"));

        await api.GetEntriesAsync(0, 3, Ct);
        _clock.Now += TimeSpan.FromMinutes(50);
        var page = await api.GetEntriesAsync(0, 3, Ct);

        Assert.Equal(1, _log.TokenRequests);
        Assert.Equal(3, page.Entries.Count);
        Assert.Equal(3, page.TreeSize);
    }

    [Fact]
    public async Task GetEntries_TokenAboutToExpire_GetsANewOne()
    {
        var api = new MarketplaceApi(_http, _clock, new ClientCredentials("demo-auditor", "secret"));

        await api.GetEntriesAsync(0, 3, Ct);
        _clock.Now += TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(31);
        await api.GetEntriesAsync(0, 3, Ct);

        Assert.Equal(2, _log.TokenRequests);
    }

    [Fact]
    public async Task GetEntries_TokenRejected_RetriesOnceWithANewToken()
    {
        var api = new MarketplaceApi(_http, _clock, new ClientCredentials("demo-auditor", "secret"));
        await api.GetEntriesAsync(0, 3, Ct);
        _log.RejectNextEntriesRequest = true;

        var page = await api.GetEntriesAsync(0, 3, Ct);

        Assert.Equal(2, _log.TokenRequests);
        Assert.Equal(3, page.Entries.Count);
    }

    [Fact]
    public async Task GetEntries_Anonymous_FailsWithTheProblemDetails()
    {
        var api = new MarketplaceApi(_http, _clock);

        var error = await Assert.ThrowsAsync<MarketplaceApiException>(() => api.GetEntriesAsync(0, 3, Ct));

        Assert.Equal("GET http://log.test/audit/entries?start=0&end=3 failed: 401 Unauthorized (unauthorized): A bearer token is required.", error.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
    }

    [Fact]
    public async Task GetConsistencyProof_InvalidSizes_FailsWithStatusTitleDetailAndErrors()
    {
        var api = new MarketplaceApi(_http, _clock);

        var error = await Assert.ThrowsAsync<MarketplaceApiException>(() => api.GetConsistencyProofAsync(2, 9, Ct));

        Assert.Equal(
            "GET http://log.test/audit/proof/consistency?first=2&second=9 failed: 400 Bad Request (validation-failed): One or more parameters are not valid; see 'errors'. [second: second must be greater than first and at most the log's size, 3.]",
            error.Message);
        Assert.Equal("validation-failed", error.Title);
    }

    [Fact]
    public async Task GetLatestTreeHead_NoneYet_IsNull()
    {
        var api = new MarketplaceApi(_http, _clock);

        Assert.Null(await api.GetLatestTreeHeadAsync(Ct));
    }

    [Fact]
    public async Task GetJsonWebKeySet_FollowsTheDiscoveryDocument()
    {
        var api = new MarketplaceApi(_http, _clock);

        var keys = await api.GetJsonWebKeySetAsync(Ct);

        Assert.Equal(_log.Signer.KeyId, Assert.Single(keys.Keys).Kid);
        Assert.Equal(["GET /.well-known/openid-configuration", "GET /.well-known/jwks"], _log.Requests);
    }

    [Fact]
    public void ClientCredentials_ToString_HidesTheSecret()
    {
        Assert.DoesNotContain("s3cret", new ClientCredentials("demo-auditor", "s3cret").ToString(), StringComparison.Ordinal);
    }
}
