using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Clients;

/// <summary>
/// The token server's registration of an API client: a confidential client allowed the client-credentials grant.
/// The application store keeps only a hash of the secret.
/// </summary>
public sealed class ClientApplications(IOpenIddictApplicationManager applications)
{
    /// <summary>A new random secret: 256 bits, base64url.</summary>
    public static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public async Task RegisterAsync(string clientId, string displayName, string secret, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + Tokens.TokenPrincipals.ApiScope,
            },
        };
        await applications.CreateAsync(descriptor, ct);
    }

    public async Task<bool> ReplaceSecretAsync(string clientId, string secret, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        if (application is null)
        {
            return false;
        }
        await applications.UpdateAsync(application, secret, ct);
        return true;
    }

    public async Task<bool> IsSecretAsync(string clientId, string secret, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        return application is not null && await applications.ValidateClientSecretAsync(application, secret, ct);
    }

    /// <summary>Deletes the registration, so the client can no longer obtain tokens.</summary>
    public async Task UnregisterAsync(string clientId, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        if (application is not null)
        {
            await applications.DeleteAsync(application, ct);
        }
    }
}
