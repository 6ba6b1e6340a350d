using System.Text.Json.Nodes;
using Marketplace.Ingestion.Classification;

namespace Marketplace.Ingestion.Products;

/// <summary>A product as its provider sees it: status, every pipeline step with its findings, the item and the report links.</summary>
public sealed record ProductView(
    Guid Id, string Collection, string ItemId, int Version, Guid? PreviousVersion, string Status, string? Grade, string? RejectionReason,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ProductAssetView> Assets, IReadOnlyList<PipelineStepView> Steps,
    JsonNode? Offers, JsonNode? Item, JsonNode? GradeReasons, IReadOnlyList<ProductLink> Links)
{
    public static ProductView From(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var links = new List<ProductLink> { new("self", $"/products/{product.Id}") };
        if (product.CertificationJws is not null)
        {
            links.Add(new ProductLink("certification", $"/products/{product.Id}/certification"));
            links.Add(new ProductLink("certification-jws", $"/products/{product.Id}/certification.jws"));
        }
        if (product.Status == ProductStatus.Published)
        {
            links.Add(new ProductLink("item", $"/collections/{product.CollectionId}/items/{product.ItemId}"));
        }
        if (product.DerivedFromId is { } source)
        {
            links.Add(new ProductLink("derived-from", $"/products/{source}"));
        }
        if (product.PreviousVersionId is { } previous)
        {
            links.Add(new ProductLink("predecessor-version", $"/products/{previous}"));
        }
        return new ProductView(product.Id, product.CollectionId, product.ItemId, product.Version, product.PreviousVersionId,
            StatusName(product.Status), product.Grade, product.RejectionReason, product.SubmittedAt, product.UpdatedAt,
            [.. product.Assets.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new ProductAssetView(
                a.Key, a.Roles, a.MediaType, a.Title, a.UploadId, a.DerivedFrom, a.Size, a.Sha256, a.DetectedFormat))],
            [.. product.Steps.OrderBy(s => s.Position).Select(s => new PipelineStepView(
                s.Name, StepName(s.State), s.Attempts, s.StartedAt, s.FinishedAt,
                s.StartedAt is { } start && s.FinishedAt is { } end ? (end - start).TotalMilliseconds : null,
                s.Progress, JsonNode.Parse(s.Findings), JsonNode.Parse(s.Output), s.Error))],
            JsonNode.Parse(product.Offers), product.Item is null ? null : JsonNode.Parse(product.Item),
            product.GradeReasons is null ? null : JsonNode.Parse(ProviderReasons.Redact(product.GradeReasons)!), links);
    }

    public static string StatusName(ProductStatus status) => status switch
    {
        ProductStatus.InReview => "in-review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string StepName(StepState state) => state.ToString().ToLowerInvariant();
}

public sealed record ProductAssetView(string Key, string[] Roles, string Type, string? Title, Guid? Upload, string? DerivedFrom, long? Size, string? Sha256, string? DetectedFormat);

public sealed record PipelineStepView(string Name, string State, int Attempts, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    double? DurationMs, double Progress, JsonNode? Findings, JsonNode? Details, string? Error);

public sealed record ProductLink(string Rel, string Href);
