namespace Marketplace.Ingestion.Pipeline;

/// <summary>
/// One certification step. It may run more than once for the same product (after a crash or a lost lease), so it
/// must give the same result and leave the same state each time: derived files are written under fixed names, and
/// changes to the product are kept in memory until the pipeline saves them with the step's result.
/// </summary>
public interface IPipelineStep
{
    /// <summary>Stable name, shown to providers and quoted in the report, e.g. <c>integrity</c>.</summary>
    string Name { get; }

    Task<StepResult> RunAsync(StepContext context, CancellationToken ct);
}
