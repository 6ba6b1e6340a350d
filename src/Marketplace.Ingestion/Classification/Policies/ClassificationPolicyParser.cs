using System.Globalization;
using System.Text.Json;
using Marketplace.Platform.Grading;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Marketplace.Ingestion.Classification.Policies;

/// <summary>
/// Reads a policy document (camelCase JSON) and checks what the JSON Schema cannot: every grade is on the scale,
/// thresholds are positive, fences are valid Polygons or MultiPolygons (NTS <c>IsValid</c>, after unwrapping across the
/// antimeridian) and fence ids are unique. Errors carry JSON paths.
/// </summary>
public sealed class ClassificationPolicyParser
{
    private readonly JsonSerializerOptions options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new GeoJsonConverterFactory() },
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public PolicyParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ClassificationPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<ClassificationPolicy>(json, options);
        }
        catch (JsonException e)
        {
            return new PolicyParseResult(null, [new PolicyError(e.Path ?? "$", e.Message)]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return new PolicyParseResult(null, [new PolicyError("$", e.Message)]);
        }
        if (policy is null)
        {
            return new PolicyParseResult(null, [new PolicyError("$", "The policy document is null.")]);
        }
        var errors = Validate(policy);
        return errors.Count == 0 ? new PolicyParseResult(policy, []) : new PolicyParseResult(null, errors);
    }

    /// <summary>The semantic errors of an already built policy (none when it is usable).</summary>
    public static IReadOnlyList<PolicyError> Validate(ClassificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<PolicyError>();
        if (string.IsNullOrWhiteSpace(policy.Version))
        {
            errors.Add(new PolicyError("$.version", "A policy needs a version."));
        }
        if (policy.Scale is { } scale)
        {
            if (scale.Count == 0)
            {
                errors.Add(new PolicyError("$.scale", "The scale, when given, lists at least one grade."));
            }
            if (scale.Distinct(StringComparer.Ordinal).Count() != scale.Count)
            {
                errors.Add(new PolicyError("$.scale", "The scale lists a grade twice."));
            }
        }
        var grades = new GradeScale(policy.Scale);
        void Grade(string path, string? grade)
        {
            if (string.IsNullOrEmpty(grade) || !grades.Contains(grade))
            {
                errors.Add(new PolicyError(path, $"Grade '{grade}' is not on the scale ({string.Join(" < ", grades.Grades)})."));
            }
        }
        void Positive(string path, double value)
        {
            if (!(value > 0) || double.IsInfinity(value))
            {
                errors.Add(new PolicyError(path, $"Must be a positive number, not {value.ToString(CultureInfo.InvariantCulture)}."));
            }
        }
        Grade("$.defaultGrade", policy.DefaultGrade);
        Grade("$.reviewFrom", policy.ReviewFrom);
        if (policy.FourEyesFrom is not null)
        {
            Grade("$.fourEyesFrom", policy.FourEyesFrom);
        }
        for (var i = 0; i < (policy.Derivatives?.ReleaseGrades?.Count ?? 0); i++)
        {
            Grade($"$.derivatives.releaseGrades[{i}]", policy.Derivatives!.ReleaseGrades[i]);
        }
        for (var i = 0; i < (policy.Derivatives?.SourceGrades?.Count ?? 0); i++)
        {
            Grade($"$.derivatives.sourceGrades[{i}]", policy.Derivatives!.SourceGrades![i]);
        }
        var rules = policy.Rules;
        if (rules is null)
        {
            return errors;
        }
        foreach (var (kind, list) in new[] { ("optical", rules.Resolution?.Optical), ("sar", rules.Resolution?.Sar), ("hyperspectral", rules.Resolution?.Hyperspectral) })
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                var path = $"$.rules.resolution.{kind}[{i}]";
                Positive(path + ".finerThanMetres", list![i].FinerThanMetres);
                Grade(path + ".grade", list[i].Grade);
            }
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (rules.Geofences?.Count ?? 0); i++)
        {
            var fence = rules.Geofences![i];
            var path = $"$.rules.geofences[{i}]";
            if (string.IsNullOrWhiteSpace(fence.Id))
            {
                errors.Add(new PolicyError(path + ".id", "A geofence needs an id."));
            }
            else if (!ids.Add(fence.Id))
            {
                errors.Add(new PolicyError(path + ".id", $"Geofence id '{fence.Id}' is used twice."));
            }
            Positive(path + ".maxReleasableGsd", fence.MaxReleasableGsd);
            Grade(path + ".grade", fence.Grade);
            ValidateFence(path + ".geometry", fence.Geometry, errors);
        }
        for (var i = 0; i < (rules.Embargo?.Count ?? 0); i++)
        {
            var path = $"$.rules.embargo[{i}]";
            Positive(path + ".finerThanMetres", rules.Embargo![i].FinerThanMetres);
            Positive(path + ".hours", rules.Embargo[i].Hours);
            Grade(path + ".grade", rules.Embargo[i].Grade);
        }
        foreach (var (type, grade) in rules.ProductTypes ?? new Dictionary<string, string>())
        {
            Grade($"$.rules.productTypes['{type}']", grade);
        }
        foreach (var (kind, grade) in rules.Telemetry ?? new Dictionary<string, string>())
        {
            Grade($"$.rules.telemetry['{kind}']", grade);
        }
        for (var i = 0; i < (rules.CoveredArea?.Count ?? 0); i++)
        {
            var path = $"$.rules.coveredArea[{i}]";
            Positive(path + ".aboveKm2", rules.CoveredArea![i].AboveKm2);
            Grade(path + ".grade", rules.CoveredArea[i].Grade);
        }
        return errors;
    }

    private static void ValidateFence(string path, Geometry? geometry, List<PolicyError> errors)
    {
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            errors.Add(new PolicyError(path, $"A geofence is a non-empty Polygon or MultiPolygon, not {geometry?.GeometryType ?? "nothing"}."));
            return;
        }
        if (geometry.Coordinates.Any(c => c.Y is < -90 or > 90 || c.X is < -540 or > 540 || double.IsNaN(c.X) || double.IsNaN(c.Y)))
        {
            errors.Add(new PolicyError(path, "Latitudes lie in [-90, 90] and longitudes in [-540, 540]."));
            return;
        }
        try
        {
            var unwrapped = WorldGeometry.Unwrap(geometry);
            if (!unwrapped.IsValid)
            {
                var reason = new NetTopologySuite.Operation.Valid.IsValidOp(unwrapped).ValidationError;
                errors.Add(new PolicyError(path, $"Invalid polygon: {reason?.Message} at {reason?.Coordinate}."));
            }
        }
        catch (ArgumentException e)
        {
            errors.Add(new PolicyError(path, $"Invalid polygon: {e.Message}"));
        }
    }
}
