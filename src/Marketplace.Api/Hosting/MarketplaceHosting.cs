using Marketplace.Platform.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
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
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.AddMarketplaceObservability();
        return builder;
    }

    public static WebApplication UseMarketplaceHosting(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        app.UseResponseCompression();
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
