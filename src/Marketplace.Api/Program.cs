using Marketplace.Api.Audit;
using Marketplace.Api.Classification;
using Marketplace.Api.Hosting;
using Marketplace.Api.Identity;
using Marketplace.Api.Operations;
using Marketplace.Api.Products;
using Marketplace.Api.Reviews;
using Marketplace.Api.Stac;
using Marketplace.Api.Uploads;
using Marketplace.Catalog;
using Marketplace.Identity;
using Marketplace.Ingestion;
using Marketplace.Platform;
using Marketplace.Platform.Hosting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--roles"] = "Hosting:Roles" });
builder.AddPlatform();
builder.AddMarketplaceIdentity();
builder.AddCatalog();
builder.AddIngestion();
builder.AddMarketplaceHosting();

var app = builder.Build();
if (await HostCommands.TryRunAsync(app, args))
{
    return;
}

app.UseMarketplaceHosting();
app.MapHealthEndpoints();
if (app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.RunsApi)
{
    app.MapOpenApi(OpenApiSetup.DocumentPath).AllowAnonymous();
    app.MapScalarApiReference("/docs", o => o.WithTitle("Satellite Data Marketplace API")
        .WithOpenApiRoutePattern(OpenApiSetup.DocumentPath).DisableDefaultFonts()).AllowAnonymous();
    app.MapStacEndpoints();
    app.MapAggregationEndpoints();
    app.MapProblemTypeEndpoints();
    app.MapTokenEndpoints();
    app.MapAccountEndpoints();
    app.MapMeEndpoints();
    app.MapOrganizationEndpoints();
    app.MapAuditEndpoints();
    app.MapProductEndpoints();
    app.MapUploadEndpoints();
    app.MapReviewEndpoints();
    app.MapClassificationPolicyEndpoints();
}
await app.RunAsync();

/// <summary>The host's entry point, public so the integration tests can start it in-process.</summary>
public partial class Program;
