using System.Globalization;
using System.Text.Json;
using Marketplace.Platform.Jobs;

namespace Marketplace.Ingestion.Classification.Regrading;

/// <summary>
/// Work for <see cref="RegradeProducts"/>: grade one product again under the policy in force (an embargo ended, a
/// new policy), or, with no product, schedule that for every published or in-review product after a policy change.
/// </summary>
public sealed record RegradeJob(Guid? ProductId, string Reason)
{
    public const string Queue = "classification-regrade";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every product, once per installed policy version.</summary>
    public static JobRequest All(string policyVersion) =>
        new(Queue, JsonSerializer.Serialize(new RegradeJob(null, $"policy {policyVersion} installed"), Json), $"regrade-all:{policyVersion}");

    /// <summary>One product for a new policy version.</summary>
    public static JobRequest ForPolicy(Guid productId, string policyVersion) =>
        new(Queue, JsonSerializer.Serialize(new RegradeJob(productId, $"policy {policyVersion} installed"), Json), $"regrade:{productId}:{policyVersion}");

    /// <summary>One product when an embargo ends.</summary>
    public static JobRequest At(Guid productId, DateTimeOffset when) =>
        new(Queue, JsonSerializer.Serialize(new RegradeJob(productId, "embargo ended"), Json),
            $"regrade:{productId}:at:{when.UtcTicks.ToString(CultureInfo.InvariantCulture)}", when);

    public static RegradeJob Read(string payload) =>
        JsonSerializer.Deserialize<RegradeJob>(payload, Json) ?? throw new InvalidOperationException("The job has no payload.");
}
