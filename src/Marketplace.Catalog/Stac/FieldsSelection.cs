using System.Text.Json.Nodes;

namespace Marketplace.Catalog.Stac;

/// <summary>
/// The STAC API Fields extension: <c>include</c> keeps only the named fields (top level, or <c>properties.name</c>),
/// <c>exclude</c> removes them. The fields a client needs to follow an item (type, stac_version, id, collection,
/// links) are always kept.
/// </summary>
public sealed record FieldsSelection(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    private static readonly HashSet<string> Kept = ["type", "stac_version", "id", "collection", "links"];

    public bool IsEmpty => Include.Count == 0 && Exclude.Count == 0;

    /// <summary>Reads the GET form: comma-separated fields, a leading '-' excludes.</summary>
    public static FieldsSelection Parse(string? text)
    {
        var fields = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new FieldsSelection(
            fields.Where(f => !f.StartsWith('-')).Select(f => f.TrimStart('+')).ToList(),
            fields.Where(f => f.StartsWith('-')).Select(f => f[1..]).ToList());
    }

    public JsonObject Apply(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Include.Count > 0)
        {
            var top = Include.Where(f => !f.StartsWith("properties.", StringComparison.Ordinal)).ToHashSet();
            var properties = Include.Where(f => f.StartsWith("properties.", StringComparison.Ordinal)).Select(f => f["properties.".Length..]).ToHashSet();
            foreach (var key in item.Select(p => p.Key).ToList())
            {
                if (!Kept.Contains(key) && !top.Contains(key) && !(key == "properties" && properties.Count > 0))
                {
                    item.Remove(key);
                }
            }
            if (!top.Contains("properties") && properties.Count > 0 && item["properties"] is JsonObject props)
            {
                foreach (var key in props.Select(p => p.Key).ToList().Where(k => !properties.Contains(k)))
                {
                    props.Remove(key);
                }
            }
        }
        foreach (var field in Exclude)
        {
            if (field.StartsWith("properties.", StringComparison.Ordinal))
            {
                (item["properties"] as JsonObject)?.Remove(field["properties.".Length..]);
            }
            else if (!Kept.Contains(field))
            {
                item.Remove(field);
            }
        }
        return item;
    }
}
