using Marketplace.Identity.Tokens;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Marketplace.IntegrationTests.Identity;

public sealed class TokenPruningTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prune_RemovesTokensExpiredLongAgo_AndKeepsLiveOnes()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var now = DateTimeOffset.UtcNow;
        var expired = await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            Subject = "member-1", Type = "refresh_token", Status = OpenIddictConstants.Statuses.Valid,
            CreationDate = now.AddDays(-30), ExpirationDate = now.AddDays(-2),
        }, Ct);
        var live = await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            Subject = "member-1", Type = "refresh_token", Status = OpenIddictConstants.Statuses.Valid,
            CreationDate = now.AddMinutes(-5), ExpirationDate = now.AddDays(10),
        }, Ct);
        var expiredId = await tokens.GetIdAsync(expired, Ct);
        var liveId = await tokens.GetIdAsync(live, Ct);

        var removed = await scope.ServiceProvider.GetRequiredService<PruneExpiredTokens>().HandleAsync(Ct);

        Assert.True(removed >= 1);
        await using var after = app.Services.CreateAsyncScope();
        var stored = after.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        Assert.Null(await stored.FindByIdAsync(expiredId!, Ct));
        Assert.NotNull(await stored.FindByIdAsync(liveId!, Ct));
    }
}
