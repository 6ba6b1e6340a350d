using System.Text.Json;
using Marketplace.Cli.Commands;

namespace Marketplace.UnitTests.Cli.Commands;

public sealed class ProductCommandsTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);

    private readonly ProviderCommandFixture _fixture = new();

    private FakeProviderServer Server => _fixture.Server;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Products_SeveralPages_ListsThemAllNewestFirst()
    {
        var oldest = Server.AddProduct("scene-a", "published", Monday);
        Server.AddProduct("scene-b", "rejected", Monday.AddHours(1));
        var newest = Server.AddProduct("scene-c", "certifying", Monday.AddHours(2));

        var exit = await _fixture.RunAsync("products");

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        var output = _fixture.Cli.Output;
        Assert.True(output.IndexOf(newest.ToString(), StringComparison.Ordinal) < output.IndexOf(oldest.ToString(), StringComparison.Ordinal), output);
        Assert.Contains("optical-l2a/scene-b", output, StringComparison.Ordinal);
        Assert.Contains("2030-01-07 09:00:00 UTC", output, StringComparison.Ordinal);
        Assert.Contains("3 products", output, StringComparison.Ordinal);
        Assert.Equal(2, Server.Requests.Count(r => r == "GET marketplace.test/products"));
    }

    [Fact]
    public async Task Products_StatusAndJson_PrintsTheMatchingProductsAsAnArray()
    {
        Server.AddProduct("scene-a", "published", Monday);
        Server.AddProduct("scene-b", "rejected", Monday.AddHours(1));
        Server.AddProduct("scene-c", "published", Monday.AddHours(2));
        Server.AddProduct("scene-d", "published", Monday.AddHours(3));

        var exit = await _fixture.RunAsync("products", "--status", "published", "--json");

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        using var printed = JsonDocument.Parse(_fixture.Cli.Output);
        Assert.Equal(["scene-d", "scene-c", "scene-a"], printed.RootElement.EnumerateArray().Select(p => p.GetProperty("itemId").GetString()));
    }

    [Fact]
    public async Task Products_UnknownStatus_IsAUsageError()
    {
        var exit = await _fixture.RunAsync("products", "--status", "lost");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Status_RejectedProduct_ShowsTheFindingsAndExitsThree()
    {
        var id = Server.AddProduct("scene-a", "rejected", Monday);

        var exit = await _fixture.RunAsync("status", id.ToString());

        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains($"Product {id}: optical-l2a/scene-a version 1, rejected", _fixture.Cli.Output, StringComparison.Ordinal);
        Assert.Contains("raster.crs-missing", _fixture.Cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_PrintsTheProductAsTheServerSentIt()
    {
        var id = Server.AddProduct("scene-a", "in-review", Monday);

        var exit = await _fixture.RunAsync("status", id.ToString(), "--json");

        Assert.True(exit == ExitCodes.Ok, _fixture.Cli.Error);
        using var printed = JsonDocument.Parse(_fixture.Cli.Output);
        Assert.Equal(id, printed.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("in-review", printed.RootElement.GetProperty("status").GetString());
        Assert.Equal(4, printed.RootElement.GetProperty("steps").GetArrayLength());
        Assert.Contains("in-review, grade restricted", _fixture.Cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownProduct_PrintsTheProblemAndExitsOne()
    {
        var id = Guid.NewGuid();

        var exit = await _fixture.RunAsync("status", id.ToString());

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Equal($"error: GET http://marketplace.test/products/{id} failed: 404 Not Found (not-found): Not found.", _fixture.Cli.Error.Trim());
    }

    [Fact]
    public async Task Status_NotAnId_IsAUsageError()
    {
        var exit = await _fixture.RunAsync("status", "scene-a");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Empty(Server.Requests);
    }
}
