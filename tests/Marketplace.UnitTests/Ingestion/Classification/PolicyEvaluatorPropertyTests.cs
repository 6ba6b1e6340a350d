using CsCheck;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Platform.Grading;
using static Marketplace.UnitTests.Ingestion.Classification.PolicyGenerators;

namespace Marketplace.UnitTests.Ingestion.Classification;

public sealed class PolicyEvaluatorPropertyTests
{
    private static readonly GradeScale Scale = new(null);

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
