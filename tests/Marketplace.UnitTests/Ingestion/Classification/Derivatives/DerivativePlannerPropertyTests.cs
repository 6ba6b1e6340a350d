using CsCheck;
using Marketplace.Ingestion.Classification.Derivatives;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Platform.Grading;
using NetTopologySuite.Geometries;
using static Marketplace.UnitTests.Ingestion.Classification.PolicyGenerators;

namespace Marketplace.UnitTests.Ingestion.Classification.Derivatives;

public sealed class DerivativePlannerPropertyTests
{
    private static readonly GradeScale Scale = new(null);

    /// <summary>A box fence with a box hole in its middle (a quarter of its width and height).</summary>
    private static readonly Gen<GeofenceRule> GenHoledFence =
        Gen.Select(GenBox, GenMetres, GenGrade, (box, metres, grade) =>
        {
            var e = box.EnvelopeInternal;
            var hole = Box(e.MinX + (e.Width * 3 / 8), e.MinY + (e.Height * 3 / 8), e.Width / 4, e.Height / 4);
            var holed = Factory.CreatePolygon(box.Shell, [hole.Shell]);
            return new GeofenceRule("holed", "Holed", holed, metres, grade);
        });

    /// <summary>Policies of <see cref="GenPolicy"/>, half of them with a fence that has a hole.</summary>
    private static readonly Gen<ClassificationPolicy> GenPolicies =
        Gen.Select(GenPolicy, GenHoledFence, Gen.Bool, (policy, holed, add) => add
            ? policy with { Rules = policy.Rules! with { Geofences = [.. policy.Rules.Geofences!, holed] } }
            : policy);

    /// <summary>
    /// Products of <see cref="GenProduct"/>, most of them with a footprint near a fence of the policy and with a
    /// product type and telemetry kind no rule names (those are refused whatever the plan), and mostly a target grade
    /// between the policy's default and the product's grade (the others are refused too).
    /// </summary>
    private static readonly Gen<(ClassificationPolicy, ProductDescription, string)> GenCase =
        Gen.Select(GenPolicies, GenProduct, Gen.Double[-0.5, 1.5], Gen.Double[-0.5, 1.5], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 999])
            .Select((policy, generated, u, v, pick, plain, random) =>
            {
                var product = plain == 0 ? generated : generated with { ProductType = "L2A", TelemetryKind = null };
                var fences = policy.Rules!.Geofences!;
                if (pick < 3 && fences.Count > 0)
                {
                    var fence = fences[pick % fences.Count].Geometry.EnvelopeInternal;
                    var size = product.Footprint!.EnvelopeInternal;
                    var x = fence.MinX + (u * fence.Width) - (size.Width / 2);
                    var y = Math.Clamp(fence.MinY + (v * fence.Height) - (size.Height / 2), -80, 70);
                    product = product with { Footprint = Box(x, y, size.Width, size.Height) };
                }
                var lowest = Scale.Rank(policy.DefaultGrade);
                var graded = Scale.Rank(new PolicyEvaluator(policy).Evaluate(product, Now).Grade);
                var target = random % 5 == 0 || graded <= lowest
                    ? Scale.Grades[random % Scale.Grades.Count]
                    : Scale.Grades[lowest + (random % (graded - lowest))];
                return (policy, product, target);
            });

    [Fact]
    public void Plan_AnyProductPolicyAndTarget_TheDerivativeIsGradedAtOrBelowTheTarget()
    {
        var options = new DerivativeOptions();
        var planned = 0;
        var masked = 0;
        GenCase.Sample((policy, product, target) =>
        {
            var planning = new DerivativePlanner(policy, options).Plan(product, target, Now);
            if (!planning.IsPlanned)
            {
                Assert.False(string.IsNullOrWhiteSpace(planning.Refusal.Reason));
                return;
            }
            var plan = planning.Plan;
            Interlocked.Increment(ref planned);
            if (plan.MaskedFences.Count > 0)
            {
                Interlocked.Increment(ref masked);
            }
            var derived = plan.Describe(product);
            var grade = new PolicyEvaluator(policy).Evaluate(derived, Now).Grade;
            Assert.True(Scale.Rank(grade) <= Scale.Rank(target), $"{grade} > {target}: {plan}");
            Assert.True(derived.GsdMetres >= product.GsdMetres);
            Assert.True(derived.GsdMetres <= product.GsdMetres * options.MaxCoarsening);
            Assert.True(plan.ResampleToGsdMetres is not null || plan.MaskedFences.Count > 0, "A plan changes something.");
            Assert.Equal(plan.MaskedFences.Count > 0, plan.MaskedArea is not null);
            Assert.True(plan.Footprint.IsValid);
            Assert.False(plan.Footprint.IsEmpty);
        }, iter: 3000);
        Assert.True(planned >= 250 && masked >= 60, $"{planned} plans, {masked} of them masking a fence");
    }

    [Fact]
    public void Plan_AnyRefusalButNotAboveTarget_IsForAProductGradedAboveTheTarget()
    {
        Gen.Select(GenPolicies, GenProduct, GenGrade).Sample((policy, product, target) =>
        {
            var planning = new DerivativePlanner(policy, new DerivativeOptions()).Plan(product, target, Now);
            var grade = new PolicyEvaluator(policy).Evaluate(product, Now).Grade;
            Assert.Equal(Scale.Rank(grade) <= Scale.Rank(target), planning.Refusal?.Kind == DerivativeRefusalKind.NotAboveTarget);
        }, iter: 500);
    }
}
