using System.Text;
using Marketplace.Catalog.Ingest;
using Marketplace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Stac;

public sealed class LoadItemsTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Load_ReportsEachBadLineByNumber_AndLoadsTheRest()
    {
        var lines = new[]
        {
            CatalogApp.Item("load-ok-1", 1, 1, "2024-06-01T00:00:00Z"),
            "{not json",
            CatalogApp.Item("load-bowtie", 1, 1, "2024-06-01T00:00:00Z").Replace("[[1,1],[1.5,1],[1.5,1.5],[1,1.5],[1,1]]", "[[10,90],[90,10],[90,90],[10,10],[10,90]]", StringComparison.Ordinal),
            CatalogApp.Item("load-no-date", 1, 1, "not-a-date"),
            CatalogApp.Item("load-other-collection", 1, 1, "2024-06-01T00:00:00Z").Replace(CatalogApp.Collection, "no-such-collection", StringComparison.Ordinal),
            CatalogApp.Item("load-ok-2", 2, 2, "2024-06-02T00:00:00Z"),
        };

        var result = await app.Services.GetRequiredService<LoadItems>().HandleAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), new LoadOptions("public", true, null), Ct);

        Assert.Equal(2, result.Loaded);
        Assert.Equal([2L, 3L, 4L, 5L], result.Errors.Select(e => e.Line));
        Assert.Contains("Self-intersection", result.Errors[1].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("does not exist", result.Errors[3].Message, StringComparison.Ordinal);
    }
}
