using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Classification;
using Marketplace.Ingestion.Classification.Derivatives;
using Marketplace.Ingestion.Classification.Regrading;
using Marketplace.Ingestion.Classification.Reviews;
using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Products;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Ingestion.Pipeline;

/// <summary>
/// Runs a product's pipeline one step per job. A step's result, the product's new status, the audit event and the
/// job of the next step are saved in one transaction, so a worker killed at any point loses nothing: the job runs
/// again, a step already finished is not run twice, and a step cut off half-way runs again from the start.
/// </summary>
public sealed class ProductPipeline(
    IServiceScopeFactory scopes, IEnumerable<IPipelineStep> steps, ProductFiles files, IJobQueue jobs, IAuditTrail audit,
    ReviewQueue reviews, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<PipelineOptions> options) : IJobHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Dictionary<string, IPipelineStep> _steps = Complete(steps);

    public string Queue => ProductPipelineJob.Queue;

    public async Task RunAsync(ClaimedJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var request = JsonSerializer.Deserialize<ProductPipelineJob>(job.Payload, Json)
            ?? throw new InvalidOperationException("The job has no payload.");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        var product = await db.Products.Include(p => p.Assets).Include(p => p.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == request.ProductId, ct);
        if (product is null || product.IsFinished)
        {
            return;
        }
        var step = product.Step(request.Step);
        if (step.State is StepState.Succeeded or StepState.Failed or StepState.Skipped)
        {
            // Finished by an earlier run that died before its job was marked done. Its outcome, status and audit entry
            // were committed with it; only make sure the next step's job exists (enqueuing it again is a no-op).
            if (product.Status != ProductStatus.InReview && NextStep(product, step) is { } pending)
            {
                await EnqueueAsync(db, product, pending, ct);
            }
            return;
        }
        var now = clock.GetUtcNow();
        if (product.Status == ProductStatus.Submitted)
        {
            product.MoveTo(ProductStatus.Certifying, now);
        }
        step.Start(now);
        await db.SaveChangesAsync(ct);

        var work = Path.Combine(options.Value.EffectiveWorkDirectory, $"{product.Id:N}-{step.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        StepResult result;
        try
        {
            var context = new StepContext(product, files, work, (fraction, token) => ReportProgressAsync(product.Id, step.Name, fraction, token));
            result = await _steps[step.Name].RunAsync(context, ct);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !ct.IsCancellationRequested) && job.Attempt < job.MaxAttempts)
        {
            step.Interrupt($"{ex.GetType().Name}: {ex.Message}");
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The last attempt: the step cannot run. It fails with that as its finding, so the product ends (rejected,
            // with a signed report when the checks are what failed) instead of waiting for ever.
            result = StepResult.Of([Finding.Error("pipeline.step-failed",
                $"The {step.Name} step could not run after {job.Attempt} attempts: {ex.GetType().Name}: {ex.Message}")]);
            if (!PipelineSteps.Checks.Contains(step.Name))
            {
                product.Reject($"The {step.Name} step could not run; see its findings.", null, null, clock.GetUtcNow());
            }
        }
        finally
        {
            TryDelete(work);
        }

        now = clock.GetUtcNow();
        step.Finish(result.Passed, JsonSerializer.Serialize(result.Findings, Json), result.Output.ToJsonString(), now);
        if (!result.Passed && PipelineSteps.Checks.Contains(step.Name))
        {
            foreach (var later in product.Steps.Where(s => s.Position > step.Position && PipelineSteps.Checks.Contains(s.Name) && s.State == StepState.Pending))
            {
                later.Skip(now, $"The {step.Name} check found errors.");
            }
        }
        await AdvanceAsync(db, product, step, ct);
    }

    /// <summary>Saves the step's outcome with the product's new status and enqueues the step after it, in one transaction.</summary>
    private async Task AdvanceAsync(IngestionDbContext db, Product product, PipelineStep finished, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var next = NextStep(product, finished);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        AuditEvent? auditEvent = null;
        switch (finished.Name)
        {
            case var _ when product.Status == ProductStatus.Rejected:
                foreach (var later in product.Steps.Where(s => s.State == StepState.Pending))
                {
                    later.Skip(now, "The product was rejected.");
                }
                next = null;
                auditEvent = Event("product.rejected", product, product.RejectionReason);
                break;
            case PipelineSteps.Certification:
                product.MoveTo(ProductStatus.Classifying, now);
                auditEvent = Event("product.certified", product, null);
                break;
            case PipelineSteps.Classification when product.Status == ProductStatus.InReview:
                next = null;
                await reviews.OpenAsync(db, product, ct);
                auditEvent = Event("product.review-requested", product, product.Grade);
                break;
            case PipelineSteps.Classification:
                auditEvent = Event("product.classified", product, product.Grade);
                break;
            case PipelineSteps.Publication when finished.State == StepState.Failed:
                product.Reject("The certified item could not be put into the catalog; see the publication step.", null, null, now);
                next = null;
                auditEvent = Event("product.rejected", product, product.RejectionReason);
                break;
            case PipelineSteps.Publication:
                product.MoveTo(ProductStatus.Published, now);
                auditEvent = Event("product.published", product, product.Grade);
                if (product.DerivedFromId is null)
                {
                    await jobs.EnqueueAsync(db, new DerivativeJob(product.Id).ToRequest(), ct);
                }
                break;
            default:
                break;
        }
        if (finished.Name == PipelineSteps.Classification && product.RegradeAt is { } regradeAt)
        {
            await jobs.EnqueueAsync(db, RegradeJob.At(product.Id, regradeAt), ct);
        }
        await db.SaveChangesAsync(ct);
        if (auditEvent is not null)
        {
            await audit.RecordAsync(db, auditEvent, ct);
        }
        if (next is not null)
        {
            await EnqueueAsync(db, product, next, ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Enqueues a step's job, in the current transaction when there is one; one job per product and step, however often.</summary>
    private async Task EnqueueAsync(IngestionDbContext db, Product product, string step, CancellationToken ct)
    {
        var request = new ProductPipelineJob(product.Id, step).ToRequest();
        if (db.Database.CurrentTransaction is null)
        {
            await jobs.EnqueueAsync(request, ct);
        }
        else
        {
            await jobs.EnqueueAsync(db, request, ct);
        }
    }

    private static string? NextStep(Product product, PipelineStep finished)
    {
        var candidate = PipelineSteps.After(finished.Name);
        while (candidate is not null && product.Steps.Single(s => s.Name == candidate).State == StepState.Skipped)
        {
            candidate = PipelineSteps.After(candidate);
        }
        return candidate;
    }

    /// <summary>Every step of <see cref="PipelineSteps.All"/>, each implemented once: a gap is a wiring error, found at start.</summary>
    private static Dictionary<string, IPipelineStep> Complete(IEnumerable<IPipelineStep> steps)
    {
        var byName = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var missing = PipelineSteps.All.Where(name => !byName.ContainsKey(name)).ToList();
        return missing.Count == 0 ? byName : throw new InvalidOperationException($"No implementation of the pipeline steps: {string.Join(", ", missing)}.");
    }

    private static AuditEvent Event(string action, Product product, string? detail)
    {
        var details = new Dictionary<string, string>
        {
            ["collection"] = product.CollectionId,
            ["item"] = product.ItemId,
            ["version"] = product.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (detail is not null)
        {
            details["detail"] = detail;
        }
        if (product.GradeReasons is not null && action is "product.classified" or "product.review-requested")
        {
            details["reasons"] = ProviderReasons.Redact(product.GradeReasons)!;
        }
        return new AuditEvent(action, AuditActor.Platform, [$"product:{product.Id}"], [product.OrganizationId],
            PolicyVersion: product.PolicyVersion, Details: details);
    }

    private async Task ReportProgressAsync(Guid productId, string step, double fraction, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE ingestion.pipeline_steps SET progress = $3 WHERE product_id = $1 AND name = $2 AND state = 'Running'");
        command.Parameters.Add(new NpgsqlParameter { Value = productId });
        command.Parameters.Add(new NpgsqlParameter { Value = step });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(fraction, 0, 1) });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Findings as the API and the report show them.</summary>
    public static JsonArray ToJson(IEnumerable<Finding> findings) => JsonSerializer.SerializeToNode(findings, Json)!.AsArray();
}
