using Marketplace.Platform.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Serilog;

namespace Marketplace.Api.Hosting;

/// <summary>The HTTP host: problem details, authentication, rate limiting, limits, OpenAPI and observability.</summary>
internal static class MarketplaceHosting
{
    public static WebApplicationBuilder AddMarketplaceHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemResponses.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.AllowTrailingCommas = false);
        services.AddValidatedOptions<RequestLimitsOptions>(RequestLimitsOptions.Section);
        builder.AddMarketplaceAuthentication();
        services.AddAuthorization();
        services.AddAntiforgery(o => o.Cookie.Name = "marketplace.antiforgery");
        services.AddMarketplaceRateLimiting();
        services.AddMarketplaceOpenApi();
        builder.AddMarketplaceObservability();
        return builder;
    }

    public static WebApplication UseMarketplaceHosting(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
