using System.Text.Json;
using Marketplace.Platform.Jobs;

namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>The input of <see cref="ReleaseDerivatives"/>: make the releasable derivatives of a published product.</summary>
public sealed record DerivativeJob(Guid ProductId)
{
    public const string Queue = "product-derivatives";

    /// <summary>Once per product, however often it is enqueued.</summary>
    public JobRequest ToRequest() => new(Queue, JsonSerializer.Serialize(this, JsonSerializerOptions.Web), $"derivatives:{ProductId}");

    public static DerivativeJob Read(string payload) =>
        JsonSerializer.Deserialize<DerivativeJob>(payload, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("The job has no payload.");
}
