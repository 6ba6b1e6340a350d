using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Ingestion.Products;
using Marketplace.Platform.Grading;
using Microsoft.Extensions.Options;

namespace Marketplace.Ingestion.Classification;

/// <summary>Grades a product by its ground sample distance (<c>gsd</c>, declared or measured from the raster).</summary>
public sealed class ResolutionClassifier(GradeScale grades, IOptions<ResolutionClassificationOptions> options) : IProductClassifier
{
    public Task<Classification> ClassifyAsync(Product product, JsonObject item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var o = options.Value;
        var grade = grades.Lowest;
        var reasons = new JsonArray();
        var gsd = item["properties"]?["gsd"] is JsonValue value && value.TryGetValue<double>(out var metres) ? metres : (double?)null;
        foreach (var threshold in o.Thresholds.OrderByDescending(t => t.BelowMetres))
        {
            if (gsd is { } g && g < threshold.BelowMetres && grades.Rank(threshold.Grade) > grades.Rank(grade))
            {
                grade = threshold.Grade;
                reasons.Add(new JsonObject
                {
                    ["rule"] = "resolution",
                    ["inputs"] = new JsonObject { ["gsd"] = g },
                    ["threshold"] = threshold.BelowMetres.ToString(CultureInfo.InvariantCulture) + " m",
                    ["grade"] = threshold.Grade,
                });
            }
        }
        if (reasons.Count == 0)
        {
            reasons.Add(new JsonObject { ["rule"] = "default", ["inputs"] = new JsonObject { ["gsd"] = gsd }, ["grade"] = grade });
        }
        var needsReview = grades.Rank(grade) >= grades.Rank(o.ReviewFrom);
        return Task.FromResult(new Classification(grade, reasons, needsReview, o.PolicyVersion));
    }
}
