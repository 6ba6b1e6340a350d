using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Audit;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Audit.TreeHeads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Marketplace.IntegrationTests.Audit;

/// <summary>The marketplace without a background worker, so the test alone decides when heads are published.</summary>
public sealed class ApiOnlyApp(StackFixture stack) : MarketplaceApp(stack)
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Hosting:Roles"] = "api";
}

public sealed class TreeHeadScheduleTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TreeHead_IsDueEveryNEntriesOrTSeconds_AndNeverWithoutNewEntries()
    {
        var baseline = await AuditTestLog.PublishHeadAsync(app, Ct);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var publish = new PublishTreeHead(app.Services.GetRequiredService<NpgsqlDataSource>(), app.Services.GetRequiredService<TreeHeadSigner>(),
            clock, Options.Create(new AuditOptions { TreeHeadEveryEntries = 5, TreeHeadEverySeconds = 60 }));
        var trail = app.Services.GetRequiredService<IAuditTrail>();
        async Task AddAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await trail.RecordAsync(AuditTestLog.Marked(Guid.NewGuid().ToString("N")), Ct);
            }
            await AuditTestLog.SequenceAllAsync(app, Ct);
        }

        var withoutEntries = await publish.HandleAsync(force: false, Ct);
        await AddAsync(4);
        var afterFour = await publish.HandleAsync(force: false, Ct);
        await AddAsync(1);
        var afterFive = await publish.HandleAsync(force: false, Ct);
        await AddAsync(1);
        var oneMoreSoon = await publish.HandleAsync(force: false, Ct);
        clock.Advance(TimeSpan.FromSeconds(61));
        var oneMoreLater = await publish.HandleAsync(force: false, Ct);
        clock.Advance(TimeSpan.FromSeconds(61));
        var nothingNewLater = await publish.HandleAsync(force: false, Ct);

        Assert.Null(withoutEntries);
        Assert.Null(afterFour);
        Assert.Equal(baseline.TreeSize + 5, afterFive?.TreeSize);
        Assert.Null(oneMoreSoon);
        Assert.Equal(baseline.TreeSize + 6, oneMoreLater?.TreeSize);
        Assert.Null(nothingNewLater);
    }
}
