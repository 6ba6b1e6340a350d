using System.Diagnostics;
using Marketplace.IntegrationTests.Infrastructure;

namespace Marketplace.IntegrationTests.Stac;

/// <summary>GDAL's OGC API - Features driver (ogrinfo OAPIF:) as a real client of the catalog, over HTTP.</summary>
public sealed class GdalOapifTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int ExitCode, string Output)> OgrInfoAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GDAL_HTTP_TIMEOUT"] = "30";
        start.Environment["CPL_DEBUG"] = "ON";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task OgrInfo_ListsTheCollections_AndReadsItemsWithASpatialFilter()
    {
        var (server, baseAddress) = app.StartHttpServer();
        await using var _ = server;

        var root = baseAddress.ToString().TrimEnd('/');
        var layers = await OgrInfoAsync("-ro", "-so", $"OAPIF:{root}");
        var features = await OgrInfoAsync("-ro", "-al", "-spat", "10.95", "44", "11.25", "46", $"OAPIF:{root}", CatalogApp.Collection);

        Assert.True(layers.ExitCode == 0, layers.Output);
        Assert.Contains(CatalogApp.Collection, layers.Output, StringComparison.Ordinal);
        Assert.True(features.ExitCode == 0, features.Output);
        Assert.Contains("Feature Count: 8", features.Output, StringComparison.Ordinal);
        Assert.Contains("public-05", features.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("public-00", features.Output, StringComparison.Ordinal);
    }
}
