using System.Globalization;
using System.Threading.RateLimiting;
using Marketplace.Identity.Callers;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Hosting;

/// <summary>A token bucket per caller (client id or member; the remote address when anonymous). Over it: 429 with Retry-After.</summary>
internal static class RateLimitingSetup
{
    public static void AddMarketplaceRateLimiting(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitingOptions>(RateLimitingOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, options) =>
        {
            var rate = options.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var key = http.User.FindFirst(ClaimNames.Subject)?.Value is { } subject
                    ? "sub:" + subject
                    : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = rate.Burst,
                    TokensPerPeriod = Math.Max(1, rate.PermitsPerMinute / 60),
                    ReplenishmentPeriod = rate.PermitsPerMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / rate.PermitsPerMinute),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ProblemResponses.WriteAsync(context.HttpContext, ProblemTypes.RateLimited,
                    $"Too many requests from this client; retry after {retryAfter} s.");
            };
        });
    }
}
