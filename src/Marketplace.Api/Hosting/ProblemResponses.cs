using System.Diagnostics;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Api.Hosting;

/// <summary>Writes RFC 9457 problem documents from places that have no endpoint result (middleware, authentication events).</summary>
internal static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext http, ProblemType type, string? detail)
    {
        http.Response.StatusCode = type.Status;
        var problem = new ProblemDetails { Status = type.Status, Type = type.Uri, Title = type.Title, Detail = detail };
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>Completes every problem document: our type URI for the status, the request path and the trace id.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            var type = ProblemTypes.ForStatus(status);
            problem.Type = type.Uri;
            problem.Title = type.Title;
        }
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
    }
}
