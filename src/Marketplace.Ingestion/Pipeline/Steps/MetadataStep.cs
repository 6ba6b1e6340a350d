using System.Text.Json.Nodes;
using Marketplace.Catalog.Validation;
using Marketplace.Ingestion.Certification;
using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Grading;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>
/// Metadata: the STAC item the product would be published as (draft, derived geometry and projection, assets with
/// checksums, marketplace fields) validated against STAC 1.1 core, every extension it declares and the marketplace
/// extension, with schemas from the configured local folders.
/// </summary>
public sealed class MetadataStep(StacSchemaValidator validator, GradeScale grades) : IPipelineStep
{
    public string Name => PipelineSteps.Metadata;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var item = ItemAssembler.Assemble(context, grades.Lowest, "certified");
        // Validated as the catalog serves it, which links every item to its collection.
        var served = item.DeepClone().AsObject();
        ((JsonArray)served["links"]!).Add(new JsonObject
        {
            ["rel"] = "collection", ["href"] = $"/collections/{Uri.EscapeDataString(context.Product.CollectionId)}", ["type"] = "application/json",
        });
        var errors = await validator.ValidateAsync(served, ct);
        var findings = errors.Select(e => Finding.Error("metadata.schema", $"{e.SchemaLabel}: {e.Message}", e.Path)).ToList();
        if (item["geometry"] is null)
        {
            findings.Add(Finding.Error("metadata.geometry-missing", "The draft has no geometry and no raster gave a footprint.", "item.geometry"));
        }
        return StepResult.Of(findings, new JsonObject
        {
            ["schemas"] = new JsonArray([.. ((JsonArray)item["stac_extensions"]!).Select(e => e?.DeepClone()).Prepend((JsonNode?)StacSchemaValidator.ItemSchema)]),
        });
    }
}
