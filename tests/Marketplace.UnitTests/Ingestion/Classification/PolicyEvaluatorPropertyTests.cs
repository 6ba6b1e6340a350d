using CsCheck;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Platform.Grading;
using NetTopologySuite.Geometries;

namespace Marketplace.UnitTests.Ingestion.Classification;

public sealed class PolicyEvaluatorPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly GradeScale Scale = new(null);
    private static readonly GeometryFactory Factory = new();

    private static Gen<T> Pick<T>(IReadOnlyList<T> values) => Gen.Int[0, values.Count - 1].Select(i => values[i]);

    private static readonly Gen<string> GenGrade = Pick([.. GradeScale.Default]);
    private static readonly Gen<double> GenMetres = Gen.Double[0.1, 50];

    private static Polygon Box(double x, double y, double w, double h) =>
        Factory.CreatePolygon([new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h), new(x, y)]);

    private static readonly Gen<Polygon> GenBox =
        Gen.Select(Gen.Double[-200, 200], Gen.Double[-60, 50], Gen.Double[0.1, 20], Gen.Double[0.1, 20], Box);

    private static readonly Gen<ClassificationPolicy> GenPolicy =
        Gen.Select(
            GenGrade,
            GenGrade,
            Gen.Select(GenMetres, GenGrade, (m, g) => new ResolutionRule(m, g)).Array[0, 3],
            Gen.Select(GenBox, GenMetres, GenGrade, (b, m, g) => (b, m, g)).Array[0, 3],
            Gen.Select(GenMetres, Gen.Double[1, 200], GenGrade, (m, h, g) => new EmbargoRule(m, h, g)).Array[0, 2],
            Gen.Select(Gen.Double[1, 500000], GenGrade, (a, g) => new CoveredAreaRule(a, g)).Array[0, 2],
            GenGrade,
            (defaultGrade, reviewFrom, resolution, fences, embargo, area, typeGrade) => new ClassificationPolicy(
                "prop", null, defaultGrade, reviewFrom,
                new PolicyRules(
                    new ResolutionRules(resolution, resolution, null),
                    [.. fences.Select((f, i) => new GeofenceRule($"f{i}", $"Fence {i}", f.b, f.m, f.g))],
                    embargo,
                    new Dictionary<string, string> { ["L0"] = typeGrade },
                    new Dictionary<string, string> { ["precise-orbit-ephemeris"] = typeGrade },
                    area)));

    private static readonly Gen<ProductDescription> GenProduct =
        Gen.Select(
            Pick(["optical", "sar", "hyperspectral"]),
            Gen.Double[0.1, 60],
            GenBox,
            Gen.Double[0, 300],
            Pick(["L0", "L1C", "L2A"]),
            Pick<string?>([null, "precise-orbit-ephemeris"]),
            (sensor, gsd, footprint, hoursAgo, type, telemetry) =>
                new ProductDescription(sensor, gsd, footprint, Now.AddHours(-hoursAgo), type, telemetry));

    [Fact]
    public void Evaluate_AnyProductAndPolicy_GradeIsAtLeastDefaultAndEveryFiredRule()
    {
        Gen.Select(GenPolicy, GenProduct).Sample((policy, product) =>
        {
            Assert.Empty(ClassificationPolicyParser.Validate(policy));
            var result = new PolicyEvaluator(policy).Evaluate(product, Now);
            var rank = Scale.Rank(result.Grade);
            Assert.True(rank >= Scale.Rank(policy.DefaultGrade));
            foreach (var reason in result.Reasons)
            {
                Assert.True(rank >= Scale.Rank((string)reason!["grade"]!));
            }
            Assert.Equal(rank >= Scale.Rank(policy.ReviewFrom), result.NeedsReview);
        }, iter: 300);
    }

    [Fact]
    public void Evaluate_CoarseProductOutsideFencesAndEmbargoes_GetsTheDefault()
    {
        Gen.Select(GenPolicy, GenProduct).Sample((policy, product) =>
        {
            var rules = policy.Rules! with { CoveredArea = [], ProductTypes = null, Telemetry = null };
            var coarse = product with
            {
                GsdMetres = 100,
                Footprint = Box(0, 80, 1, 1),
                ProductType = null,
                TelemetryKind = null,
            };
            var result = new PolicyEvaluator(policy with { Rules = rules }).Evaluate(coarse, Now);
            Assert.Equal(policy.DefaultGrade, result.Grade);
            Assert.Null(result.RegradeAt);
        }, iter: 300);
    }
}
