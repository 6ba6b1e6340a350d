using System.Net;
using Marketplace.Cli.Http;
using Marketplace.Cli.Uploads;

namespace Marketplace.UnitTests.Cli.Uploads;

public sealed class TransientFailuresTests
{
    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    public void IsTransient_ByStatus(HttpStatusCode status, bool expected)
    {
        Assert.Equal(expected, TransientFailures.IsTransient(new MarketplaceApiException("x", status, null, null), CancellationToken.None));
        Assert.Equal(expected, TransientFailures.IsTransient(new BlockTransferException("x", TransientFailures.IsTransient(status)), CancellationToken.None));
    }

    [Fact]
    public void IsTransient_NetworkFailureOrTimeout_IsTransient()
    {
        Assert.True(TransientFailures.IsTransient(new HttpRequestException("connection reset"), CancellationToken.None));
        Assert.True(TransientFailures.IsTransient(new TaskCanceledException("timed out"), CancellationToken.None));
    }

    [Fact]
    public void IsTransient_CancelledByTheUser_IsNot()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(TransientFailures.IsTransient(new TaskCanceledException(), cancelled.Token));
        Assert.False(TransientFailures.IsTransient(new HttpRequestException("reset"), cancelled.Token));
    }

    [Fact]
    public void IsTransient_OtherFailures_AreNot()
    {
        Assert.False(TransientFailures.IsTransient(new InvalidOperationException(), CancellationToken.None));
        Assert.False(TransientFailures.IsTransient(new MarketplaceApiException("no status"), CancellationToken.None));
    }
}
