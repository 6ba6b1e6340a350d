using System.Text.Json;
using Marketplace.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marketplace.UnitTests.Api.Hosting;

public sealed class ProblemExceptionHandlerTests
{
    private static async Task<(HttpContext Http, JsonElement Problem)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails(o => o.CustomizeProblemDetails = ProblemResponses.Customize).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handled = await new ProblemExceptionHandler(NullLogger<ProblemExceptionHandler>.Instance).TryHandleAsync(http, exception, TestContext.Current.CancellationToken);
        Assert.True(handled);
        http.Response.Body.Position = 0;
        return (http, JsonDocument.Parse(http.Response.Body).RootElement.Clone());
    }

    [Fact]
    public async Task StatementTimeout_BecomesA503WithRetryAfter()
    {
        var (http, problem) = await HandleAsync(new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", PostgresErrorCodes.QueryCanceled));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("2", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal("/problems/unavailable", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ClientSideCommandTimeout_BecomesA503()
    {
        var (http, _) = await HandleAsync(new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")));

        Assert.Equal(503, http.Response.StatusCode);
    }

    [Fact]
    public async Task UnexpectedException_IsA500ThatShowsOnlyTheTraceId()
    {
        var (http, problem) = await HandleAsync(new InvalidOperationException("secret internal detail"));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.DoesNotContain("secret", problem.ToString(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
