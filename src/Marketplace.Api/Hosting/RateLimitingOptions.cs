using System.ComponentModel.DataAnnotations;

namespace Marketplace.Api.Hosting;

/// <summary>Per-client request rate (section <c>RateLimiting</c>): a token bucket per client id, or per address when anonymous.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>How many requests a client may send at once before the rate applies.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 120;
}
