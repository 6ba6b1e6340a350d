using Marketplace.Api.Hosting;
using Microsoft.AspNetCore.Http;

namespace Marketplace.UnitTests.Api.Hosting;

public sealed class LengthLimitedStreamTests
{
    [Fact]
    public async Task Read_UpToTheLimit_Succeeds()
    {
        await using var stream = new LengthLimitedStream(new MemoryStream(new byte[100]), 100);

        var buffer = new byte[1000];
        var total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            total += read;
        }

        Assert.Equal(100, total);
    }

    [Fact]
    public async Task Read_PastTheLimit_FailsWith413()
    {
        await using var stream = new LengthLimitedStream(new MemoryStream(new byte[101]), 100);

        var error = await Assert.ThrowsAsync<BadHttpRequestException>(async () =>
        {
            var buffer = new byte[1000];
            while (await stream.ReadAsync(buffer, TestContext.Current.CancellationToken) > 0) { }
        });

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, error.StatusCode);
    }
}
