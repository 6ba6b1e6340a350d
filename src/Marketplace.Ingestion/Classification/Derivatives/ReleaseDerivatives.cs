using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Pipeline;
using Marketplace.Ingestion.Pipeline.Steps;
using Marketplace.Ingestion.Products;
using Marketplace.Ingestion.Uploads;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Gdal;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Jobs;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO.Converters;

namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>
/// Makes the releasable derivatives of a published product, as the policy in force asks
/// (<see cref="ClassificationPolicy.Derivatives"/>): for each release grade below the product's, the planner decides
/// whether resampling and/or masking brings it down; the maker writes the raster in the GDAL sandbox; the platform
/// uploads it for the provider and submits it as a new product (item <c>{item}-{grade}</c>, linked to its source with
/// <c>rel=derived_from</c>), which the pipeline certifies and grades like any other. A derivative the policy does not
/// allow is recorded in the audit log with the reason.
/// </summary>
public sealed class ReleaseDerivatives(IServiceScopeFactory scopes, PolicyInForce policies, GdalSandbox sandbox, DerivativeMaker maker,
    ProductFiles files, GradeScale grades, IAuditTrail audit, TimeProvider clock, IOptions<ClassificationOptions> classification,
    IOptions<DerivativeOptions> options) : IJobHandler
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public string Queue => DerivativeJob.Queue;

    public async Task RunAsync(ClaimedJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var request = DerivativeJob.Read(job.Payload);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        var source = await db.Products.AsNoTracking().Include(p => p.Assets).Include(p => p.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == request.ProductId, ct);
        if (source is not { Status: ProductStatus.Published, DerivedFromId: null, Grade: { } grade })
        {
            return;
        }
        var active = await policies.GetAsync(ct);
        var targets = active.Policy.Derivatives?.TargetsFor(grade, grades) ?? [];
        if (targets.Count == 0)
        {
            return;
        }
        var planner = new DerivativePlanner(active.Policy, options.Value);
        var description = ProductDescriptions.From(source, classification.Value);
        foreach (var target in targets)
        {
            var itemId = $"{source.ItemId}-{target}";
            if (await db.Products.AnyAsync(p => p.CollectionId == source.CollectionId && p.ItemId == itemId, ct))
            {
                continue;
            }
            var planning = planner.Plan(description, target, clock.GetUtcNow());
            if (planning.Plan is not { } plan)
            {
                await RefuseAsync(source, target, active.Version, planning.Refusal!.Reason, ct);
                continue;
            }
            await MakeAsync(scope.ServiceProvider, source, itemId, plan, active.Version, ct);
        }
    }

    private async Task MakeAsync(IServiceProvider services, Product source, string itemId, DerivativePlan plan, string policyVersion, CancellationToken ct)
    {
        var rasters = RasterAssets.Of(source);
        var asset = rasters.Count > 0 ? rasters[0] : null;
        if (asset is null)
        {
            await RefuseAsync(source, plan.TargetGrade, policyVersion, "The product has no GeoTIFF data asset to derive from.", ct);
            return;
        }
        using var workspace = sandbox.CreateWorkspace();
        GdalWorkFile input;
        await using (var content = await files.OpenReadAsync(asset, ct))
        {
            input = await workspace.ImportAsync(content, ct);
        }
        var raster = await maker.MakeAsync(input, plan, ct);
        if (raster.Output is not { } output)
        {
            await RefuseAsync(source, plan.TargetGrade, policyVersion,
                "The derivative could not be made: " + string.Join(" ", raster.Findings.Select(f => $"{f.Code}: {f.Message}")), ct);
            return;
        }

        var uploader = new Uploader(source.OrganizationId, AuditActor.Platform);
        var uploadId = await services.GetRequiredService<UploadLocalFile>().HandleAsync(uploader, output.FullPath, $"{itemId}.tif", "image/tiff", ct);
        var draft = JsonNode.Parse(source.Draft)!.AsObject();
        draft["id"] = itemId;
        draft["geometry"] = JsonSerializer.SerializeToNode(plan.Footprint, GeoJson);
        draft.Remove("bbox");
        var properties = draft["properties"] as JsonObject ?? [];
        draft["properties"] = properties;
        properties["gsd"] = raster.GsdMetres;
        if (properties["title"] is JsonValue title && title.TryGetValue<string>(out var text))
        {
            properties["title"] = $"{text} (releasable as {plan.TargetGrade})";
        }
        properties["description"] = Describe(source, plan, raster);
        var links = draft["links"] as JsonArray ?? [];
        links.Add(new JsonObject
        {
            ["rel"] = "derived_from",
            ["href"] = $"/collections/{Uri.EscapeDataString(source.CollectionId)}/items/{Uri.EscapeDataString(source.ItemId)}",
            ["type"] = "application/geo+json",
            ["title"] = "The product this one is derived from",
        });
        draft["links"] = links;
        var mediaType = "image/tiff; application=geotiff; profile=cloud-optimized";
        var submitted = await services.GetRequiredService<SubmitProduct>().HandleDerivativeAsync(uploader, source.Id,
            new SubmitProductRequest(source.CollectionId, draft,
                new Dictionary<string, SubmittedAsset> { ["data"] = new(uploadId, ["data"], mediaType, $"Releasable as {plan.TargetGrade} (COG)") },
                JsonNode.Parse(source.Offers)), ct);
        if (submitted is not Outcome<ProductView>.Ok)
        {
            await RefuseAsync(source, plan.TargetGrade, policyVersion, $"The derivative was refused at submission: {submitted}.", ct);
        }
    }

    private static string Describe(Product source, DerivativePlan plan, DerivativeRaster raster)
    {
        var done = string.Join("; ", raster.Actions);
        return $"Releasable derivative of {source.CollectionId}/{source.ItemId} for holders of {plan.TargetGrade} clearance, made by the marketplace: {done}.";
    }

    /// <summary>
    /// Records why no derivative was made. The reason may name protected sites, so the entry is the platform's and
    /// auditors', not the provider's.
    /// </summary>
    private Task RefuseAsync(Product source, string target, string policyVersion, string reason, CancellationToken ct) =>
        audit.RecordAsync(new AuditEvent("product.derivative-refused", AuditActor.Platform, [$"product:{source.Id}"], [],
            PolicyVersion: policyVersion, Details: new Dictionary<string, string>
            {
                ["collection"] = source.CollectionId,
                ["item"] = source.ItemId,
                ["grade"] = target,
                ["reason"] = reason,
            }), ct);
}
