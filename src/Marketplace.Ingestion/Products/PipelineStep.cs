namespace Marketplace.Ingestion.Products;

/// <summary>
/// One step of a product's pipeline as the provider sees it: state, attempts, timings, progress, findings and the
/// facts it established (its output, as JSON), which the certification report quotes.
/// </summary>
public sealed class PipelineStep
{
    private PipelineStep() { }

    public Guid ProductId { get; private set; }

    public string Name { get; private set; } = "";

    public int Position { get; private set; }

    public StepState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>0 to 1 while running.</summary>
    public double Progress { get; private set; }

    /// <summary>The findings as JSON (an array of {code, severity, message, location}).</summary>
    public string Findings { get; private set; } = "[]";

    /// <summary>What the step established (inputs, thresholds, measured values), as a JSON object.</summary>
    public string Output { get; private set; } = "{}";

    public string? Error { get; private set; }

    public static PipelineStep Plan(Guid productId, string name, int position) => new()
    {
        ProductId = productId, Name = name, Position = position, State = StepState.Pending,
    };

    public void Start(DateTimeOffset now)
    {
        State = StepState.Running;
        Attempts++;
        StartedAt = now;
        FinishedAt = null;
        Progress = 0;
        Error = null;
    }

    public void Report(double progress) => Progress = Math.Clamp(progress, 0, 1);

    public void Finish(bool passed, string findings, string output, DateTimeOffset now)
    {
        State = passed ? StepState.Succeeded : StepState.Failed;
        Findings = findings;
        Output = output;
        FinishedAt = now;
        Progress = 1;
    }

    public void Skip(DateTimeOffset now, string reason)
    {
        State = StepState.Skipped;
        FinishedAt = now;
        Output = System.Text.Json.JsonSerializer.Serialize(new { reason });
    }

    /// <summary>Records an attempt that failed for a passing reason (a tool crashed, storage was unreachable): it will run again.</summary>
    public void Interrupt(string error)
    {
        State = StepState.Pending;
        Error = error;
    }
}
