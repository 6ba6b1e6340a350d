using OpenIddict.Abstractions;

namespace Marketplace.Identity.Tokens;

/// <summary>
/// Removes authorization codes, refresh tokens and authorizations that expired or were revoked more than
/// <see cref="Retention"/> ago, so the token store does not grow without bound.
/// </summary>
public sealed class PruneExpiredTokens(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <returns>How many tokens and authorizations were removed.</returns>
    public async Task<long> HandleAsync(CancellationToken ct)
    {
        var threshold = clock.GetUtcNow() - Retention;
        var removedTokens = await tokens.PruneAsync(threshold, ct);
        var removedAuthorizations = await authorizations.PruneAsync(threshold, ct);
        return removedTokens + removedAuthorizations;
    }
}
