using System.Text.Json.Nodes;
using Marketplace.Ingestion.Products;

namespace Marketplace.Ingestion.Pipeline;

/// <summary>
/// What a step works on: the product (with its assets and the results of earlier steps), its files, a private work
/// folder that is removed after the step, and a way to report progress to the provider.
/// </summary>
public sealed class StepContext(Product product, ProductFiles files, string workDirectory, Func<double, CancellationToken, Task> progress)
{
    public Product Product { get; } = product;

    public ProductFiles Files { get; } = files;

    /// <summary>A folder only this run of the step uses; file names in it are made by the step, never taken from input.</summary>
    public string WorkDirectory { get; } = workDirectory;

    /// <summary>The submitted STAC item draft.</summary>
    public JsonObject Draft => field ??= JsonNode.Parse(Product.Draft) as JsonObject ?? [];

    /// <summary>The output an earlier step recorded, or an empty object when it did not run.</summary>
    public JsonObject OutputOf(string step)
    {
        var found = Product.Steps.SingleOrDefault(s => s.Name == step);
        return found is { State: StepState.Succeeded or StepState.Failed } && JsonNode.Parse(found.Output) is JsonObject output ? output : [];
    }

    public Task ReportProgressAsync(double fraction, CancellationToken ct) => progress(fraction, ct);
}
