using System.Text.Json.Nodes;
using Marketplace.Ingestion.Products;

namespace Marketplace.Ingestion.Classification;

/// <summary>Decides a certified product's grade, why, and whether a reviewer must look at it before it is published.</summary>
public interface IProductClassifier
{
    Task<Classification> ClassifyAsync(Product product, JsonObject item, CancellationToken ct);
}
