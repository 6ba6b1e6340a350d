using System.Collections.Concurrent;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>The installed policy version in force, parsed once per version, with its evaluator.</summary>
public sealed record ActivePolicy(long Number, string Version, ClassificationPolicy Policy, PolicyEvaluator Evaluator)
{
    private GradeScale Scale => field ??= new GradeScale(Policy.Scale);

    /// <summary>Products of this grade wait for a reviewer.</summary>
    public bool NeedsReview(string grade) => Scale.Rank(grade) >= Scale.Rank(Policy.ReviewFrom);

    /// <summary>Different reviewers who must approve this grade: two from <see cref="ClassificationPolicy.FourEyesFrom"/> up, else one.</summary>
    public int ApprovalsFor(string grade) => Policy.FourEyesFrom is { } from && Scale.Rank(grade) >= Scale.Rank(from) ? 2 : 1;
}

/// <summary>
/// Reads the policy in force (the one installed last). When none is installed yet, installs the initial one
/// (<see cref="ClassificationOptions.InitialPolicyFile"/> or the built-in one) through <see cref="InstallPolicy"/>, so
/// even the first version is stored and audited.
/// </summary>
public sealed class PolicyInForce(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, IOptions<ClassificationOptions> options)
{
    private const string ResourceName = "Marketplace.Ingestion.Classification.InitialPolicy.json";
    private readonly ConcurrentDictionary<long, ActivePolicy> parsed = new();

    public async Task<ActivePolicy> GetAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is { } active)
        {
            return active;
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            var install = scope.ServiceProvider.GetRequiredService<InstallPolicy>();
            // A concurrent first install of the same version is a conflict, which is fine: one of them stored it.
            await install.HandleAsync(AuditActor.Platform, await InitialDocumentAsync(ct), ct);
        }
        return await ReadAsync(ct) ?? throw new InvalidOperationException("The initial classification policy could not be installed.");
    }

    /// <summary>An installed version (the one a product was graded under), or null when there is none of that name.</summary>
    public Task<ActivePolicy?> VersionAsync(string version, CancellationToken ct) =>
        ReadAsync("SELECT number, version, document FROM ingestion.classification_policies WHERE version = $1", version, ct);

    /// <summary>A stored version, parsed (it was valid when installed).</summary>
    public ActivePolicy Parse(long number, string version, string document) => parsed.GetOrAdd(number, _ =>
    {
        var result = new ClassificationPolicyParser().Parse(document);
        var policy = result.Policy ?? throw new InvalidOperationException(
            $"Stored policy {version} no longer parses: {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
        return new ActivePolicy(number, version, policy, new PolicyEvaluator(policy));
    });

    private Task<ActivePolicy?> ReadAsync(CancellationToken ct) =>
        ReadAsync("SELECT number, version, document FROM ingestion.classification_policies ORDER BY number DESC LIMIT 1", null, ct);

    private async Task<ActivePolicy?> ReadAsync(string sql, string? version, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (version is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = version });
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Parse(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    private async Task<string> InitialDocumentAsync(CancellationToken ct)
    {
        if (options.Value.InitialPolicyFile is { } file)
        {
            return await File.ReadAllTextAsync(file, ct);
        }
        await using var stream = typeof(PolicyInForce).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
