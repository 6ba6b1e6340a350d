using System.Text.Json;
using Marketplace.Platform.Jobs;

namespace Marketplace.Ingestion.Pipeline;

/// <summary>The input of a pipeline job: run <paramref name="Step"/> of product <paramref name="ProductId"/>.</summary>
public sealed record ProductPipelineJob(Guid ProductId, string Step)
{
    public const string Queue = "product-pipeline";

    /// <summary>One job per product and step, however often it is enqueued.</summary>
    public string DedupeKey => $"product:{ProductId}:{Step}";

    public JobRequest ToRequest() => new(Queue, JsonSerializer.Serialize(this, JsonSerializerOptions.Web), DedupeKey);
}
