using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Classification.Regrading;
using Marketplace.Ingestion.Persistence;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Grading;
using Marketplace.Platform.Jobs;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// Installs a new policy version: checks it (JSON paths in the errors), stores it byte for byte with its SHA-256,
/// records <c>classification.policy-installed</c> in the audit log and schedules the re-grading of every published
/// or in-review product, all in one transaction. From then on it is the policy in force.
/// </summary>
public sealed class InstallPolicy(IngestionDbContext db, GradeScale grades, IAuditTrail audit, IJobQueue jobs, TimeProvider clock)
{
    public async Task<Outcome<PolicyView>> HandleAsync(AuditActor actor, string document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var parsed = new ClassificationPolicyParser().Parse(document);
        if (DeclaredScale(document) is { } scale && !scale.SequenceEqual(grades.Grades, StringComparer.Ordinal))
        {
            // Checked first: every grade of a policy on another scale is wrong because of it.
            return Failures.Invalid<PolicyView>("$.scale",
                $"The policy's scale must be the marketplace's grade scale ({string.Join(" < ", grades.Grades)}); organizations hold clearances on it.");
        }
        if (parsed.Policy is not { } policy)
        {
            return new Outcome<PolicyView>.Invalid(parsed.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        if (await db.Policies.AnyAsync(p => p.Version == policy.Version, ct))
        {
            return new Outcome<PolicyView>.Conflict($"Policy version {policy.Version} is already installed; versions are never changed.");
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
        var stored = StoredPolicy.Install(policy.Version, document, sha256, actor.Type, actor.Subject, clock.GetUtcNow());
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Policies.Add(stored);
            await db.SaveAndRecordAsync(audit, new AuditEvent("classification.policy-installed", actor, [$"classification-policy:{policy.Version}"], [],
                PolicyVersion: policy.Version, Details: new Dictionary<string, string> { ["sha256"] = sha256 }), ct);
            await jobs.EnqueueAsync(db, RegradeJob.All(policy.Version), ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new Outcome<PolicyView>.Conflict($"Policy version {policy.Version} is already installed; versions are never changed.");
        }
        return PolicyView.From(stored, inForce: true);
    }

    /// <summary>The grades of the document's <c>scale</c>, when it has a readable one.</summary>
    private static List<string>? DeclaredScale(string document)
    {
        try
        {
            return JsonNode.Parse(document)?["scale"] is JsonArray scale && scale.All(g => g is JsonValue v && v.TryGetValue<string>(out _))
                ? [.. scale.Select(g => g!.GetValue<string>())]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
