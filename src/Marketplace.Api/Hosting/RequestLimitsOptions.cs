using System.ComponentModel.DataAnnotations;

namespace Marketplace.Api.Hosting;

/// <summary>Request size limits (section <c>Limits</c>); endpoints that take files set their own.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
