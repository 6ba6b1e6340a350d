using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Items;
using Marketplace.Catalog.Persistence;
using Marketplace.Ingestion.Findings;
using Marketplace.Platform.Outcomes;

namespace Marketplace.Ingestion.Pipeline.Steps;

/// <summary>Publication: puts the certified, graded item into the catalog, where search enforces its grade.</summary>
public sealed class PublicationStep(PublishItem publish) : IPipelineStep
{
    public string Name => PipelineSteps.Publication;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = context.Product;
        using var item = JsonDocument.Parse(product.Item ?? throw new InvalidOperationException("The product has no certified item."));
        var outcome = await publish.PublishAsync(item.RootElement, product.Grade!, product.OrganizationId, ct);
        return outcome switch
        {
            Outcome<ItemRecord>.Ok => StepResult.Of([Finding.Info("publication.published", $"Published in {product.CollectionId} as {product.ItemId}.")],
                new JsonObject { ["collection"] = product.CollectionId, ["item"] = product.ItemId, ["grade"] = product.Grade }),
            Outcome<ItemRecord>.Invalid invalid => StepResult.Of(invalid.Errors.Select(e =>
                Finding.Error("publication.invalid-item", string.Join(" ", e.Value), e.Key))),
            _ => throw new InvalidOperationException("Unexpected outcome."),
        };
    }
}
