using System.Text.Json.Nodes;
using Marketplace.Platform.Grading;
using NetTopologySuite.Geometries;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// Grades a product under a valid policy (see <see cref="ClassificationPolicyParser"/>): the highest grade of the
/// default and every rule that fired. Pure: the same product, policy and <c>now</c> give the same result.
/// </summary>
/// <remarks>
/// Geofences: a footprint intersects a fence when they share any point, so touching boundaries count; a footprint
/// inside a hole of a fence does not intersect it. Fences and footprints are cut at ±180 into parts within
/// [-180, 180] before testing (<see cref="WorldGeometry.Normalise"/>). Covered area is measured on a sphere
/// (<see cref="WorldGeometry.AreaKm2"/>). An embargo is in force while <c>now</c> is before acquisition + hours;
/// <see cref="PolicyClassification.RegradeAt"/> is the earliest end of an embargo in force.
/// </remarks>
public sealed class PolicyEvaluator
{
    private readonly ClassificationPolicy policy;
    private readonly GradeScale grades;
    private readonly IReadOnlyList<(GeofenceRule Rule, Geometry Area)> fences;

    public PolicyEvaluator(ClassificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        this.policy = policy;
        grades = new GradeScale(policy.Scale);
        fences = (policy.Rules?.Geofences ?? []).Select(f => (f, WorldGeometry.Normalise(f.Geometry))).ToList();
    }

    public PolicyClassification Evaluate(ProductDescription product, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(product);
        var rules = policy.Rules;
        var grade = policy.DefaultGrade;
        var reasons = new JsonArray();
        DateTimeOffset? regradeAt = null;
        void Fire(string rule, string ruleGrade, JsonObject inputs, JsonObject condition)
        {
            reasons.Add(new JsonObject { ["rule"] = rule, ["inputs"] = inputs, ["condition"] = condition, ["grade"] = ruleGrade });
            if (grades.Rank(ruleGrade) > grades.Rank(grade))
            {
                grade = ruleGrade;
            }
        }

        var gsd = product.GsdMetres;
        if (gsd is { } g && rules?.Resolution is { } resolution)
        {
            foreach (var r in resolution.For(product.SensorKind).Where(r => g < r.FinerThanMetres))
            {
                Fire("resolution", r.Grade,
                    new JsonObject { ["sensorKind"] = product.SensorKind, ["gsd"] = g },
                    new JsonObject { ["finerThanMetres"] = r.FinerThanMetres });
            }
        }

        var footprint = product.Footprint is { IsEmpty: false } f ? WorldGeometry.Normalise(f) : null;
        if (gsd is { } fg && footprint is not null)
        {
            foreach (var (rule, area) in fences.Where(x => fg < x.Rule.MaxReleasableGsd && x.Area.Intersects(footprint)))
            {
                Fire("geofence", rule.Grade,
                    new JsonObject { ["gsd"] = fg, ["footprintBounds"] = Bounds(footprint) },
                    new JsonObject { ["id"] = rule.Id, ["name"] = rule.Name, ["maxReleasableGsd"] = rule.MaxReleasableGsd });
            }
        }

        if (gsd is { } eg && product.AcquiredAt is { } acquired)
        {
            foreach (var rule in (rules?.Embargo ?? []).Where(r => eg < r.FinerThanMetres))
            {
                var ends = acquired + TimeSpan.FromHours(rule.Hours);
                if (now < ends)
                {
                    regradeAt = regradeAt is { } earlier && earlier < ends ? earlier : ends;
                    Fire("embargo", rule.Grade,
                        new JsonObject { ["gsd"] = eg, ["acquiredAt"] = acquired, ["now"] = now },
                        new JsonObject { ["finerThanMetres"] = rule.FinerThanMetres, ["hours"] = rule.Hours, ["endsAt"] = ends });
                }
            }
        }

        if (product.ProductType is { } type && rules?.ProductTypes is { } types && types.TryGetValue(type, out var typeGrade))
        {
            Fire("productType", typeGrade, new JsonObject { ["productType"] = type }, new JsonObject { ["productType"] = type });
        }

        if (product.TelemetryKind is { } kind && rules?.Telemetry is { } telemetry && telemetry.TryGetValue(kind, out var kindGrade))
        {
            Fire("telemetry", kindGrade, new JsonObject { ["telemetryKind"] = kind }, new JsonObject { ["telemetryKind"] = kind });
        }

        if (product.Footprint is { IsEmpty: false } areaFootprint && rules?.CoveredArea is { Count: > 0 } areaRules)
        {
            var km2 = WorldGeometry.AreaKm2(areaFootprint);
            foreach (var rule in areaRules.Where(r => km2 > r.AboveKm2))
            {
                Fire("coveredArea", rule.Grade, new JsonObject { ["areaKm2"] = Math.Round(km2, 3) }, new JsonObject { ["aboveKm2"] = rule.AboveKm2 });
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new JsonObject { ["rule"] = "default", ["inputs"] = new JsonObject(), ["grade"] = policy.DefaultGrade });
        }
        var needsReview = grades.Rank(grade) >= grades.Rank(policy.ReviewFrom);
        return new PolicyClassification(grade, reasons, needsReview, policy.Version, regradeAt);
    }

    private static JsonArray Bounds(Geometry geometry)
    {
        var e = geometry.EnvelopeInternal;
        return [e.MinX, e.MinY, e.MaxX, e.MaxY];
    }
}
