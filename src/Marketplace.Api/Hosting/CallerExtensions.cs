using System.Security.Claims;
using Marketplace.Identity.Callers;

namespace Marketplace.Api.Hosting;

internal static class CallerExtensions
{
    /// <summary>The caller of an endpoint that requires authentication; its absence is a bug, not a client error.</summary>
    public static Caller ToCaller(this ClaimsPrincipal user) =>
        Caller.From(user) ?? throw new InvalidOperationException("The endpoint requires an authenticated marketplace caller.");
}
