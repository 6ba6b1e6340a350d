using System.Security.Claims;
using System.Text;
using Marketplace.Api.Hosting;
using Marketplace.Catalog.Visibility;
using Marketplace.Identity.Callers;
using Marketplace.Identity.Roles;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Products;
using Marketplace.Ingestion.Uploads;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Outcomes;
using Marketplace.Platform.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Products;

/// <summary>
/// Products of providers: submit (202, certification runs in the background), follow every pipeline step, list,
/// withdraw, submit a corrected version; and the public documents of a published product: its signed certification
/// report, its offers and its thumbnail, for whoever may see the item in the catalog.
/// </summary>
internal static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/products").WithTags("Products");
        products.MapPost("/", SubmitProduct).WithName(nameof(SubmitProduct)).RequireAuthorization(Uploaders)
            .WithSummary("Submit a product: a STAC item draft, assets naming completed uploads, and offers. Certification starts at once (uploader, provider-admin).");
        products.MapGet("/", ListProducts).WithName(nameof(ListProducts)).RequireAuthorization(Uploaders)
            .WithSummary("Your organization's products, newest first (filter by status; page with the next link).");
        products.MapGet("/{productId:guid}", GetProduct).WithName(nameof(GetProduct)).RequireAuthorization(Uploaders)
            .WithSummary("A product with its status and every pipeline step: state, attempts, timings, progress and findings.");
        products.MapPost("/{productId:guid}/versions", SubmitProductVersion).WithName(nameof(SubmitProductVersion)).RequireAuthorization(Uploaders)
            .WithSummary("Submit a corrected version of the latest version of a product; earlier versions are kept.");
        products.MapPost("/{productId:guid}/withdraw", WithdrawProduct).WithName(nameof(WithdrawProduct)).RequireAuthorization(Uploaders)
            .WithSummary("Withdraw a product: its pipeline stops and its item leaves the catalog; the product and its report are kept.");
        products.MapGet("/{productId:guid}/certification", GetCertification).WithName(nameof(GetCertification)).AllowAnonymous()
            .WithSummary("The certification report as signed: RFC 8785 canonical JSON, the payload of the JWS at certification.jws.");
        products.MapGet("/{productId:guid}/certification.jws", GetCertificationJws).WithName(nameof(GetCertificationJws)).AllowAnonymous()
            .WithSummary("The certification report as a compact JWS (ES256); verify it with the key of its kid in /.well-known/jwks.");
        products.MapGet("/{productId:guid}/offers", GetOffers).WithName(nameof(GetOffers)).AllowAnonymous()
            .WithSummary("The offers of a product whose item you may see.");
        products.MapGet("/{productId:guid}/assets/{key}", GetAsset).WithName(nameof(GetAsset)).AllowAnonymous()
            .WithSummary("An asset's content: any asset for the providing organization and compliance reviewers, the thumbnail for whoever may see the item.");
        return app;
    }

    public static async Task<Results<Accepted<ProductView>, ValidationProblem, ProblemHttpResult>> SubmitProduct(
        SubmitProductRequest request, SubmitProduct handler, ClaimsPrincipal user, CancellationToken ct) =>
        Accept(await handler.HandleAsync(ToSubmitter(user), request, ct));

    public static async Task<Results<Accepted<ProductView>, ValidationProblem, ProblemHttpResult>> SubmitProductVersion(
        Guid productId, SubmitProductRequest request, SubmitProduct handler, ClaimsPrincipal user, CancellationToken ct) =>
        Accept(await handler.HandleVersionAsync(ToSubmitter(user), productId, request, ct));

    public static async Task<Results<Ok<ProductList>, ValidationProblem, ProblemHttpResult>> ListProducts(
        ListProducts handler, ClaimsPrincipal user, CancellationToken ct, string? status = null, int? limit = null, string? before = null)
    {
        DateTimeOffset? at = null;
        Guid? id = null;
        if (before is not null)
        {
            var parts = before.Split('_', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], out var ticks) || !Guid.TryParse(parts[1], out var beforeId))
            {
                return Failures.Invalid<ProductList>("before", "Use the value from a next link.").ToOk();
            }
            (at, id) = (new DateTimeOffset(ticks, TimeSpan.Zero), beforeId);
        }
        var outcome = await handler.HandleAsync(user.ToCaller().OrganizationId, status, limit, at, id, ct);
        return (outcome switch
        {
            Outcome<ProductPage>.Ok(var page) => (Outcome<ProductList>)new ProductList(page.Products, page.Next is { } next
                ? $"/products?before={next.Before.UtcTicks}_{next.BeforeId}" + (limit is { } l ? $"&limit={l}" : "") + (status is not null ? $"&status={Uri.EscapeDataString(status)}" : "")
                : null),
            Outcome<ProductPage>.Invalid invalid => new Outcome<ProductList>.Invalid(invalid.Errors),
            _ => throw new InvalidOperationException("Unexpected outcome."),
        }).ToOk();
    }

    public static async Task<Results<Ok<ProductView>, ValidationProblem, ProblemHttpResult>> GetProduct(
        Guid productId, GetProduct handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(user.ToCaller().OrganizationId, productId, ct)).ToOk();

    public static async Task<Results<Ok<ProductView>, ValidationProblem, ProblemHttpResult>> WithdrawProduct(
        Guid productId, WithdrawProduct handler, ClaimsPrincipal user, CancellationToken ct) =>
        (await handler.HandleAsync(ToSubmitter(user), productId, ct)).ToOk();

    public static async Task<IResult> GetCertification(Guid productId, ProductAccess access, GradeScale grades, ClaimsPrincipal user, CancellationToken ct)
    {
        var product = await ReadableAsync(productId, access, grades, user, ct);
        if (product?.CertificationReport is not { } report)
        {
            return NoReport(productId);
        }
        return Results.Bytes(Encoding.UTF8.GetBytes(report), "application/json");
    }

    public static async Task<IResult> GetCertificationJws(Guid productId, ProductAccess access, GradeScale grades, ClaimsPrincipal user, CancellationToken ct)
    {
        var product = await ReadableAsync(productId, access, grades, user, ct);
        if (product?.CertificationJws is not { } jws)
        {
            return NoReport(productId);
        }
        return Results.Text(jws, "application/jose", Encoding.ASCII);
    }

    public static async Task<IResult> GetOffers(Guid productId, ProductAccess access, GradeScale grades, ClaimsPrincipal user, CancellationToken ct)
    {
        var product = await ReadableAsync(productId, access, grades, user, ct);
        return product is null
            ? NotFound($"Product {productId} was not found.")
            : Results.Text($$"""{"product":"{{product.Id}}","offers":{{product.Offers}}}""", "application/json", Encoding.UTF8);
    }

    public static async Task<IResult> GetAsset(Guid productId, string key, ProductAccess access, ProductFiles files, GradeScale grades,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var product = await ReadableAsync(productId, access, grades, user, ct);
        var asset = product?.Asset(key);
        if (product is null || asset is null || !Marketplace.Ingestion.Products.ProductAccess.MayDownload(product, asset, Reader(user)))
        {
            return NotFound($"Product {productId} has no asset '{key}' you may download.");
        }
        var content = await files.OpenReadAsync(asset, ct);
        return Results.Stream(content, asset.MediaType, enableRangeProcessing: false);
    }

    private static Task<Product?> ReadableAsync(Guid productId, ProductAccess access, GradeScale grades, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        return access.FindReadableAsync(productId, Reader(user), CatalogViewer.For(caller?.Clearance, grades), ct);
    }

    private static ProductReader Reader(ClaimsPrincipal user) =>
        Caller.From(user) is { } caller ? new ProductReader(caller.OrganizationId, caller.HasRole(MarketplaceRoles.Reviewer)) : new ProductReader(null, false);

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: ProblemTypes.NotFound.Status, title: ProblemTypes.NotFound.Title, type: ProblemTypes.NotFound.Uri);

    private static ProblemHttpResult NoReport(Guid productId) =>
        NotFound($"Product {productId} was not found or has no certification report yet.");

    private static Results<Accepted<ProductView>, ValidationProblem, ProblemHttpResult> Accept(Outcome<ProductView> outcome) => outcome switch
    {
        Outcome<ProductView>.Ok(var view) => TypedResults.Accepted($"/products/{view.Id}", view),
        _ => outcome.ToOk().Result switch
        {
            ValidationProblem validation => validation,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unexpected outcome."),
        },
    };

    private static void Uploaders(AuthorizationPolicyBuilder policy) => policy.RequireRole(MarketplaceRoles.Uploaders);

    private static Uploader ToSubmitter(ClaimsPrincipal user)
    {
        var caller = user.ToCaller();
        return new Uploader(caller.OrganizationId, caller.ToAuditActor());
    }
}

/// <summary>A page of products and the link to the next page.</summary>
internal sealed record ProductList(IReadOnlyList<ProductView> Products, string? Next);
