using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Clients;

/// <summary>
/// Registers (or updates) the first-party web client: a public client that signs members in with the
/// authorization code flow and PKCE, and may refresh its tokens.
/// </summary>
public sealed class EnsureWebClient(IOpenIddictApplicationManager applications, IOptions<MarketplaceIdentityOptions> options)
{
    public const string ClientId = "marketplace-web";

    public async Task HandleAsync(CancellationToken ct)
    {
        var redirects = options.Value.WebRedirectUris.Count > 0
            ? options.Value.WebRedirectUris
            : [new Uri(options.Value.Issuer, "signin-callback")];
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Marketplace web",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Prefixes.Scope + Tokens.TokenPrincipals.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirects)
        {
            descriptor.RedirectUris.Add(uri);
        }
        var existing = await applications.FindByClientIdAsync(ClientId, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }
}
