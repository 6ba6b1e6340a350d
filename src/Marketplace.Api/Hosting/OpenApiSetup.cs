using Marketplace.Identity;
using Marketplace.Identity.Tokens;
using Microsoft.OpenApi;

namespace Marketplace.Api.Hosting;

/// <summary>The OpenAPI 3.1 document at /openapi/v1.json, with the OAuth2 client-credentials and authorization-code flows.</summary>
internal static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    public static void AddMarketplaceOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Satellite Data Marketplace API",
                    Version = "v1",
                    Description = "A trusted marketplace for commercial satellite data: verifiable products, audited access. "
                        + "Errors are RFC 9457 problem documents whose 'type' is listed at /problems.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["oauth2"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Access tokens from /connect/token (client credentials for API clients; authorization code with PKCE for people).",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("/" + IdentityModule.TokenEndpoint, UriKind.Relative),
                            Scopes = new Dictionary<string, string> { [TokenPrincipals.ApiScope] = "Call the marketplace API" },
                        },
                        AuthorizationCode = new OpenApiOAuthFlow
                        {
                            AuthorizationUrl = new Uri("/" + IdentityModule.AuthorizationEndpoint, UriKind.Relative),
                            TokenUrl = new Uri("/" + IdentityModule.TokenEndpoint, UriKind.Relative),
                            Scopes = new Dictionary<string, string>
                            {
                                [TokenPrincipals.ApiScope] = "Call the marketplace API",
                                ["openid"] = "Sign in",
                                ["profile"] = "Name in the identity token",
                                ["offline_access"] = "Refresh tokens",
                            },
                        },
                    },
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("oauth2", document)] = [] });
                return Task.CompletedTask;
            });
        });
    }
}
