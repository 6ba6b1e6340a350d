using System.Text.Json.Nodes;

namespace Marketplace.Ingestion.Classification;

/// <summary>
/// Grade reasons as the providing organization sees them (product view, audit entries it may read): every rule that
/// fired with its inputs, but a geofence only by its maximum releasable GSD, never its id or name, since the list of
/// protected sites is itself sensitive. Reviewers, and the stored product, keep the full reasons.
/// </summary>
public static class ProviderReasons
{
    public static string? Redact(string? reasons)
    {
        if (reasons is null || JsonNode.Parse(reasons) is not JsonObject document || document["rules"] is not JsonArray rules)
        {
            return reasons;
        }
        foreach (var rule in rules.OfType<JsonObject>().Where(r => r["rule"]?.GetValue<string>() == "geofence"))
        {
            rule["condition"] = new JsonObject { ["maxReleasableGsd"] = rule["condition"]?["maxReleasableGsd"]?.DeepClone() };
        }
        return document.ToJsonString();
    }
}
