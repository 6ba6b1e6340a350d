using System.Text.Json;
using Marketplace.Platform.Problems;
using Npgsql;
using Microsoft.AspNetCore.Diagnostics;

namespace Marketplace.Api.Hosting;

/// <summary>
/// Turns exceptions into problem documents: unreadable requests (bad JSON, failed binding, a body over the limit)
/// keep their 4xx status with a clear detail; anything else is a 500 that shows only the trace id.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = 499;
            return true;
        }
        var (type, detail) = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (ProblemTypes.PayloadTooLarge, "The request body exceeds the size this endpoint accepts."),
            BadHttpRequestException { InnerException: JsonException json } =>
                (ProblemTypes.BadRequest, $"The request body is not valid JSON for this endpoint: {json.Message}"),
            BadHttpRequestException bad => (ProblemTypes.ForStatus(bad.StatusCode), bad.Message),
            JsonException json => (ProblemTypes.BadRequest, $"The request body is not valid JSON: {json.Message}"),
            // A statement that ran past its timeout (cancelled by the server or by the client): the database is busy.
            PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } or NpgsqlException { InnerException: TimeoutException } =>
                (ProblemTypes.Unavailable, "The query took too long and was stopped; retry shortly or narrow it (bbox, datetime, collections, filter)."),
            _ => (ProblemTypes.Internal, null),
        };
        if (type == ProblemTypes.Internal)
        {
            LogUnhandled(exception, httpContext.Request.Path);
        }
        if (type == ProblemTypes.Unavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
        }
        await ProblemResponses.WriteAsync(httpContext, type, detail);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
