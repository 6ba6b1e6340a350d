using Marketplace.Api.Hosting;
using Marketplace.Identity;

namespace Marketplace.Api.Landing;

/// <summary>The landing page at the API root: what this service is and where everything is.</summary>
internal static class LandingEndpoints
{
    public static IEndpointRouteBuilder MapLandingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetLandingPage).WithName(nameof(GetLandingPage)).WithTags("Landing").AllowAnonymous()
            .WithSummary("Landing page with links to the API description, documentation and token endpoint.");
        return app;
    }

    public static IResult GetLandingPage(HttpContext http)
    {
        var root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var page = new LandingPage(
            Type: "Catalog",
            StacVersion: "1.1.0",
            Id: "satellite-marketplace",
            Title: "Satellite Data Marketplace",
            Description: "A trusted marketplace for commercial satellite data: certified products, graded access, tamper-evident audit.",
            Links:
            [
                new("self", root + "/", "application/json", "This page"),
                new("root", root + "/", "application/json", "Landing page"),
                new("service-desc", root + OpenApiSetup.DocumentPath, "application/vnd.oai.openapi+json;version=3.1", "OpenAPI 3.1 description"),
                new("service-doc", root + "/docs", "text/html", "Interactive API documentation"),
                new("token", root + "/" + IdentityModule.TokenEndpoint, "application/json", "OAuth2 token endpoint"),
                new("openid-configuration", root + "/.well-known/openid-configuration", "application/json", "OpenID Connect discovery"),
                new("problems", root + "/problems", "application/json", "Problem types of error responses"),
                new("health", root + "/readyz", "application/json", "Readiness"),
            ]);
        return TypedResults.Json(page);
    }
}

public sealed record LandingPage(
    string Type,
    [property: System.Text.Json.Serialization.JsonPropertyName("stac_version")] string StacVersion,
    string Id,
    string Title,
    string Description,
    IReadOnlyList<LandingLink> Links);

public sealed record LandingLink(string Rel, string Href, string Type, string Title);
