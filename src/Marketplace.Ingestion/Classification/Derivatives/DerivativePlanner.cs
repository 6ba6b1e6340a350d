using System.Globalization;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Platform.Grading;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Marketplace.Ingestion.Classification.Derivatives;

/// <summary>
/// Plans a releasable derivative of a product graded above a target grade: the coarser GSD and the geofences to
/// mask that bring it down to that grade under a policy, or why none can. Pure: the same policy, product, grade and
/// <c>now</c> give the same result.
/// </summary>
/// <remarks>
/// <para>
/// Rules that only resampling can satisfy: every resolution rule of the product's sensor kind and every embargo in
/// force whose grade is above the target needs a GSD at or above its <c>finerThanMetres</c>; the plan resamples to the
/// largest of them, never finer than the source.
/// </para>
/// <para>
/// Geofences above the target that the footprint intersects and whose <c>maxReleasableGsd</c> is still coarser than
/// the planned GSD are masked: the new footprint is the source's minus each fence buffered by
/// <see cref="DerivativeOptions.MaskMarginMetres"/>, so it does not even touch the fence (the evaluator counts touching
/// as intersecting). When that leaves nothing, or less than <see cref="DerivativeOptions.MinKeptShare"/> of the
/// footprint, the plan resamples to the fences' <c>maxReleasableGsd</c> instead (the finest that works), as long as
/// that stays within <see cref="DerivativeOptions.MaxCoarsening"/>. Geometry is in WGS84 degrees and cut at ±180 as
/// the evaluator does (<see cref="WorldGeometry.Normalise"/>).
/// </para>
/// <para>
/// Product type, telemetry kind, covered area and the default grade cannot be changed by a derivative: when one of
/// them is above the target, the planner refuses.
/// </para>
/// </remarks>
public sealed class DerivativePlanner
{
    private readonly ClassificationPolicy policy;
    private readonly DerivativeOptions options;
    private readonly GradeScale grades;
    private readonly PolicyEvaluator evaluator;
    private readonly IReadOnlyList<Fence> fences;

    public DerivativePlanner(ClassificationPolicy policy, DerivativeOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        this.policy = policy;
        this.options = options;
        grades = new GradeScale(policy.Scale);
        evaluator = new PolicyEvaluator(policy);
        fences = [.. (policy.Rules?.Geofences ?? []).Select(rule =>
        {
            var area = WorldGeometry.Normalise(rule.Geometry);
            return new Fence(rule, area, Buffered(area, options.MaskMarginMetres));
        })];
    }

    public DerivativePlanning Plan(ProductDescription source, string targetGrade, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(targetGrade);
        var target = grades.Rank(targetGrade);
        if (target < 0)
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.UnknownGrade,
                $"The grade '{targetGrade}' is not on the policy's scale ({string.Join(" < ", grades.Grades)}).");
        }
        bool Above(string grade) => grades.Rank(grade) > target;

        if (source.GsdMetres is not { } sourceGsd || !(sourceGsd > 0) || double.IsInfinity(sourceGsd))
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.GsdUnknown,
                "No GSD is known for the product, so no coarser derivative can be planned.");
        }
        if (source.Footprint is not { IsEmpty: false } footprint)
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.FootprintUnknown,
                "No footprint is known for the product, so its geofences cannot be checked or masked.");
        }
        var sourceGrade = evaluator.Evaluate(source, now).Grade;
        if (!Above(sourceGrade))
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.NotAboveTarget,
                $"The product is graded {sourceGrade}, not above {targetGrade}: it needs no derivative.");
        }
        if (Above(policy.DefaultGrade))
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.DefaultGrade,
                $"The policy grades every product at least {policy.DefaultGrade}, above {targetGrade}.");
        }
        var rules = policy.Rules;
        if (source.ProductType is { } type && rules?.ProductTypes is { } types && types.TryGetValue(type, out var typeGrade) && Above(typeGrade))
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.ProductType,
                $"The product type {type} is {typeGrade} whatever its resolution, above {targetGrade}.");
        }
        if (source.TelemetryKind is { } kind && rules?.Telemetry is { } telemetry && telemetry.TryGetValue(kind, out var kindGrade) && Above(kindGrade))
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.Telemetry,
                $"The telemetry kind {kind} is {kindGrade} whatever its resolution, above {targetGrade}.");
        }
        var footprintKm2 = WorldGeometry.AreaKm2(footprint);
        if ((rules?.CoveredArea ?? []).FirstOrDefault(r => footprintKm2 > r.AboveKm2 && Above(r.Grade)) is { } areaRule)
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.CoveredArea,
                Text($"The footprint covers {footprintKm2:N0} km², more than {areaRule.AboveKm2:N0} km², which is {areaRule.Grade} whatever its resolution, above {targetGrade}."));
        }

        var gsd = sourceGsd;
        foreach (var rule in (rules?.Resolution?.For(source.SensorKind) ?? []).Where(r => Above(r.Grade)))
        {
            gsd = Math.Max(gsd, rule.FinerThanMetres);
        }
        if (source.AcquiredAt is { } acquired)
        {
            foreach (var rule in (rules?.Embargo ?? []).Where(r => Above(r.Grade) && now < acquired + TimeSpan.FromHours(r.Hours)))
            {
                gsd = Math.Max(gsd, rule.FinerThanMetres);
            }
        }
        var coarsest = sourceGsd * options.MaxCoarsening;
        if (gsd > coarsest)
        {
            return DerivativePlanning.Refused(DerivativeRefusalKind.TooCoarse,
                Text($"{targetGrade} needs a GSD of at least {gsd:0.###} m for this product, more than {options.MaxCoarsening:0.##}× its {sourceGsd:0.###} m."));
        }

        var area = WorldGeometry.Normalise(footprint);
        var firing = fences.Where(f => Above(f.Rule.Grade) && gsd < f.Rule.MaxReleasableGsd && f.Area.Intersects(area)).ToList();
        if (firing.Count == 0)
        {
            return Planned(targetGrade, gsd, sourceGsd, [], footprint, null);
        }

        // The finest GSD first: at each, the fences still finer than their releasable GSD are masked.
        IEnumerable<double> candidates = [gsd, .. firing.Select(f => f.Rule.MaxReleasableGsd).Where(g => g <= coarsest)];
        double? maskAllShare = null;
        foreach (var candidate in candidates.Distinct().Order())
        {
            var masked = firing.Where(f => candidate < f.Rule.MaxReleasableGsd).ToList();
            if (masked.Count == 0)
            {
                return Planned(targetGrade, candidate, sourceGsd, [], footprint, null);
            }
            var maskedArea = masked.Count == 1 ? masked[0].Buffered : OverlayNGRobust.Union(masked.Select(f => f.Buffered).ToArray());
            var kept = OverlayNGRobust.Overlay(area, maskedArea, SpatialFunction.Difference);
            var share = kept.IsEmpty ? 0 : WorldGeometry.AreaKm2(kept) / footprintKm2;
            maskAllShare ??= share;
            if (share > 0 && share >= options.MinKeptShare)
            {
                return Planned(targetGrade, candidate, sourceGsd, [.. masked.Select(f => f.Rule)], kept, maskedArea);
            }
        }
        var releasable = firing.Max(f => f.Rule.MaxReleasableGsd);
        return DerivativePlanning.Refused(DerivativeRefusalKind.NothingLeft,
            Text($"Masking the geofences {string.Join(", ", firing.Select(f => f.Rule.Id))} would leave {maskAllShare ?? 0:0.#%} of the footprint (at least {options.MinKeptShare:0.#%} is needed), and releasing them unmasked needs a GSD of {releasable:0.###} m, more than {options.MaxCoarsening:0.##}× the product's {sourceGsd:0.###} m."));
    }

    private static DerivativePlanning Planned(
        string targetGrade, double gsd, double sourceGsd, IReadOnlyList<GeofenceRule> masked, Geometry footprint, Geometry? maskedArea) =>
        DerivativePlanning.Planned(new DerivativePlan(targetGrade, gsd > sourceGsd ? gsd : null, masked, footprint, maskedArea));

    /// <summary>
    /// The fence grown by at least <paramref name="marginMetres"/> on the ground in every direction, cut at ±180 again so
    /// that a margin reaching past the antimeridian continues on the other side.
    /// </summary>
    private static Geometry Buffered(Geometry area, double marginMetres)
    {
        var envelope = area.EnvelopeInternal;
        var latitude = Math.Max(Math.Abs(envelope.MinY), Math.Abs(envelope.MaxY));
        var degrees = Math.Max(GroundDistance.LatitudeDegrees(marginMetres), GroundDistance.LongitudeDegrees(marginMetres, latitude));
        // Parts cut off one side and shifted to the other overlap the parts already there: union them into one valid area.
        return OverlayNGRobust.Union(WorldGeometry.Normalise(area.Buffer(degrees)));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Fence(GeofenceRule Rule, Geometry Area, Geometry Buffered);
}
