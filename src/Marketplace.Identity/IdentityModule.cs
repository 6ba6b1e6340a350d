using Marketplace.Identity.Callers;
using Marketplace.Identity.Clients;
using Marketplace.Identity.Demo;
using Marketplace.Identity.Members;
using Marketplace.Identity.Organizations;
using Marketplace.Identity.Persistence;
using Marketplace.Identity.Tokens;
using Marketplace.Platform.Hosting;
using Marketplace.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity;

/// <summary>Organizations, members, API clients and the OAuth2/OpenID Connect token server.</summary>
public static class IdentityModule
{
    public const string TokenEndpoint = "connect/token";
    public const string AuthorizationEndpoint = "connect/authorize";

    public static IHostApplicationBuilder AddMarketplaceIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<MarketplaceIdentityOptions>(MarketplaceIdentityOptions.Section);
        services.AddModuleDbContext<IdentityDbContext>(IdentityDbContext.Schema, migrationOrder: 10, options => options.UseOpenIddict());

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint)
                      .SetAuthorizationEndpointUris(AuthorizationEndpoint);
                server.AllowClientCredentialsFlow()
                      .AllowAuthorizationCodeFlow()
                      .RequireProofKeyForCodeExchange()
                      .AllowRefreshTokenFlow();
                server.RegisterScopes(TokenPrincipals.ApiScope, Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess);
                // Access tokens are signed JWTs that any resource server can validate with the published keys.
                server.DisableAccessTokenEncryption();
                server.AddEventHandler(PublishedKeysHandler.Descriptor);
                server.AddEventHandler(TokenRefusalAuditHandler.Descriptor);
                server.UseAspNetCore()
                      .EnableTokenEndpointPassthrough()
                      .EnableAuthorizationEndpointPassthrough()
                      .DisableTransportSecurityRequirement();
            });
        services.AddSingleton<TokenKeys>();
        services.AddSingleton<PublishedKeysHandler>();
        services.AddSingleton<TokenRefusalAuditHandler>();
        services.AddOptions<OpenIddictServerOptions>()
            .Configure<TokenKeys, IOptions<MarketplaceIdentityOptions>>((server, keys, identity) =>
            {
                server.Issuer = identity.Value.Issuer;
                server.AccessTokenLifetime = TimeSpan.FromMinutes(identity.Value.AccessTokenMinutes);
                server.RefreshTokenLifetime = TimeSpan.FromDays(identity.Value.RefreshTokenDays);
                server.SigningCredentials.Add(new(keys.SigningKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));
                server.EncryptionCredentials.Add(new(keys.EncryptionKey,
                    Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaOAEP,
                    Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256CbcHmacSha512));
            });

        services.AddSingleton<IPasswordHasher<Member>, PasswordHasher<Member>>();
        services.AddScoped<TokenPrincipals>();
        services.AddScoped<CallerValidation>();
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<ListOrganizations>();
        services.AddScoped<GetOrganization>();
        services.AddScoped<ChangeClearance>();
        services.AddScoped<AddMember>();
        services.AddScoped<ListMembers>();
        services.AddScoped<RemoveMember>();
        services.AddScoped<CheckMemberPassword>();
        services.AddScoped<ClientApplications>();
        services.AddScoped<CreateApiClient>();
        services.AddScoped<RotateClientSecret>();
        services.AddScoped<RevokeApiClient>();
        services.AddScoped<ListApiClients>();
        services.AddScoped<EnsureWebClient>();
        services.AddScoped<SeedDemoIdentities>();
        services.AddScoped<PruneExpiredTokens>();
        services.AddHostedService<TokenPruningWorker>();
        return builder;
    }
}
