using System.ComponentModel.DataAnnotations;

namespace Marketplace.Platform.Hosting;

/// <summary>
/// Which roles this process plays. One image serves both: <c>api</c> serves HTTP, <c>worker</c> runs the
/// background jobs; a process may play both (the default, for a single-machine installation).
/// </summary>
public sealed class HostingOptions : IValidatableObject
{
    public const string Section = "Hosting";
    public const string ApiRole = "api";
    public const string WorkerRole = "worker";

    /// <summary>Comma-separated roles, e.g. <c>api,worker</c>.</summary>
    [Required]
    public string Roles { get; set; } = ApiRole + "," + WorkerRole;

    public bool RunsApi => ParsedRoles.Contains(ApiRole);

    public bool RunsWorker => ParsedRoles.Contains(WorkerRole);

    private HashSet<string> ParsedRoles =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
             .Select(r => r.ToLowerInvariant()).ToHashSet();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = ParsedRoles.Where(r => r is not ApiRole and not WorkerRole).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult($"Unknown role(s) '{string.Join(", ", unknown)}'; use 'api', 'worker' or 'api,worker'.", [nameof(Roles)]);
        }
        if (ParsedRoles.Count == 0)
        {
            yield return new ValidationResult("At least one role is needed.", [nameof(Roles)]);
        }
    }
}
