using Marketplace.Ingestion.Classification.Derivatives;
using Marketplace.Ingestion.Classification.Policies;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Marketplace.UnitTests.Ingestion.Classification.Derivatives;

public sealed class DerivativePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Optical: finer than 2.5 m is restricted, finer than 0.5 m sensitive.</summary>
    private static readonly ResolutionRules Resolution = new([new ResolutionRule(2.5, "restricted"), new ResolutionRule(0.5, "sensitive")], null, null);

    /// <summary>A range of 2° × 1.5° with a town in a hole in its middle (as in the example policy).</summary>
    private static readonly GeofenceRule Range = new("range", "Test range", Wkt(
        "POLYGON ((10 50, 12 50, 12 51.5, 10 51.5, 10 50), (10.8 50.6, 11.2 50.6, 11.2 50.9, 10.8 50.9, 10.8 50.6))"), 5, "sensitive");

    /// <summary>An atoll across the antimeridian, written with longitudes past 180.</summary>
    private static readonly GeofenceRule Atoll = new("atoll", "Atoll", Wkt("POLYGON ((179 -17, 181 -17, 181 -15.5, 179 -15.5, 179 -17))"), 10, "controlled");

    private static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    private static ClassificationPolicy Policy(
        IReadOnlyList<GeofenceRule>? fences = null, IReadOnlyList<EmbargoRule>? embargo = null, IReadOnlyList<CoveredAreaRule>? area = null,
        string defaultGrade = "public") =>
        new("test-1", null, defaultGrade, "sensitive", new PolicyRules(
            Resolution, fences, embargo,
            new Dictionary<string, string> { ["L0"] = "sensitive", ["L1A"] = "restricted" },
            new Dictionary<string, string> { ["raw-housekeeping"] = "sensitive" },
            area));

    private static ProductDescription Product(double? gsd = 0.3, string footprint = "POLYGON ((0 0, 0.1 0, 0.1 0.1, 0 0.1, 0 0))",
        DateTimeOffset? acquired = null, string? type = "L1C", string? telemetry = null) =>
        new("optical", gsd, footprint.Length == 0 ? null : Wkt(footprint), acquired ?? Now.AddDays(-30), type, telemetry);

    private static DerivativePlanning Plan(ClassificationPolicy policy, ProductDescription product, string target, DerivativeOptions? options = null) =>
        new DerivativePlanner(policy, options ?? new DerivativeOptions()).Plan(product, target, Now);

    private static string Grade(ClassificationPolicy policy, DerivativePlan plan, ProductDescription source) =>
        new PolicyEvaluator(policy).Evaluate(plan.Describe(source), Now).Grade;

    /// <summary>
    /// Plans <paramref name="product"/>, graded <paramref name="sourceGrade"/> under a policy with only
    /// <paramref name="fence"/>, for <paramref name="target"/>: the plan masks the fence, does not resample, and the
    /// derivative is graded <paramref name="target"/>.
    /// </summary>
    private static DerivativePlan AssertMasksOnly(GeofenceRule fence, ProductDescription product, string sourceGrade, string target)
    {
        var policy = Policy([fence]);
        Assert.Equal(sourceGrade, new PolicyEvaluator(policy).Evaluate(product, Now).Grade);

        var planning = Plan(policy, product, target);

        Assert.True(planning.IsPlanned, planning.Refusal?.Reason);
        Assert.Null(planning.Plan.ResampleToGsdMetres);
        Assert.Equal([fence], planning.Plan.MaskedFences);
        Assert.Equal(target, Grade(policy, planning.Plan, product));
        return planning.Plan;
    }

    [Theory]
    [InlineData(0.3, "public", 2.5)]
    [InlineData(0.3, "restricted", 0.5)]
    [InlineData(1.0, "public", 2.5)]
    public void Plan_ResolutionAboveTarget_ResamplesToTheLargestThresholdAboveIt(double gsd, string target, double expected)
    {
        var product = Product(gsd);

        var planning = Plan(Policy(), product, target);

        Assert.True(planning.IsPlanned, planning.Refusal?.Reason);
        Assert.Equal(expected, planning.Plan.ResampleToGsdMetres);
        Assert.Empty(planning.Plan.MaskedFences);
        Assert.Null(planning.Plan.MaskedArea);
        Assert.Same(product.Footprint, planning.Plan.Footprint);
        Assert.Equal(target, Grade(Policy(), planning.Plan, product));
    }

    [Fact]
    public void Plan_EmbargoInForce_ResamplesPastItsThreshold()
    {
        var policy = Policy(embargo: [new EmbargoRule(1, 72, "sensitive")]);
        var product = Product(0.8, acquired: Now.AddHours(-10));

        var planning = Plan(policy, product, "restricted");

        Assert.Equal(1, planning.Plan?.ResampleToGsdMetres);
        Assert.Equal("restricted", Grade(policy, planning.Plan!, product));
    }

    [Fact]
    public void Plan_EmbargoEnded_NeedsNoDerivativeForTheResolutionsGrade()
    {
        var policy = Policy(embargo: [new EmbargoRule(1, 72, "sensitive")]);

        var planning = Plan(policy, Product(0.8, acquired: Now.AddHours(-100)), "restricted");

        Assert.Equal(DerivativeRefusalKind.NotAboveTarget, planning.Refusal?.Kind);
        Assert.Equal("The product is graded restricted, not above restricted: it needs no derivative.", planning.Refusal?.Reason);
    }

    [Theory]
    [InlineData("L0", null, DerivativeRefusalKind.ProductType, "The product type L0 is sensitive whatever its resolution, above public.")]
    [InlineData("L1A", null, DerivativeRefusalKind.ProductType, "The product type L1A is restricted whatever its resolution, above public.")]
    [InlineData("L1C", "raw-housekeeping", DerivativeRefusalKind.Telemetry, "The telemetry kind raw-housekeeping is sensitive whatever its resolution, above public.")]
    public void Plan_ProductTypeOrTelemetryAboveTarget_Refuses(string type, string? telemetry, DerivativeRefusalKind kind, string reason)
    {
        var planning = Plan(Policy(), Product(type: type, telemetry: telemetry), "public");

        Assert.Null(planning.Plan);
        Assert.Equal(new DerivativeRefusal(kind, reason), planning.Refusal);
    }

    [Fact]
    public void Plan_CoveredAreaAboveTarget_Refuses()
    {
        var policy = Policy(area: [new CoveredAreaRule(1000, "restricted")]);

        var planning = Plan(policy, Product(footprint: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), "public");

        Assert.Equal(DerivativeRefusalKind.CoveredArea, planning.Refusal?.Kind);
        Assert.Equal("The footprint covers 12,364 km², more than 1,000 km², which is restricted whatever its resolution, above public.", planning.Refusal?.Reason);
    }

    [Fact]
    public void Plan_NoGsd_Refuses()
    {
        var planning = Plan(Policy(), Product(gsd: null, type: "L0"), "public");

        Assert.Equal(DerivativeRefusalKind.GsdUnknown, planning.Refusal?.Kind);
        Assert.Equal("No GSD is known for the product, so no coarser derivative can be planned.", planning.Refusal?.Reason);
    }

    [Fact]
    public void Plan_NoFootprint_Refuses()
    {
        var planning = Plan(Policy(), Product(footprint: ""), "public");

        Assert.Equal(DerivativeRefusalKind.FootprintUnknown, planning.Refusal?.Kind);
    }

    [Theory]
    [InlineData(3.0, "public")]
    [InlineData(0.3, "sensitive")]
    [InlineData(0.3, "controlled")]
    public void Plan_TargetNotBelowTheSourceGrade_Refuses(double gsd, string target)
    {
        var planning = Plan(Policy(), Product(gsd), target);

        Assert.Equal(DerivativeRefusalKind.NotAboveTarget, planning.Refusal?.Kind);
    }

    [Fact]
    public void Plan_GradeNotOnTheScale_Refuses()
    {
        var planning = Plan(Policy(), Product(), "secret");

        Assert.Equal(new DerivativeRefusal(DerivativeRefusalKind.UnknownGrade,
            "The grade 'secret' is not on the policy's scale (public < restricted < sensitive < controlled)."), planning.Refusal);
    }

    [Fact]
    public void Plan_DefaultGradeAboveTarget_Refuses()
    {
        var planning = Plan(Policy(defaultGrade: "restricted"), Product(), "public");

        Assert.Equal(DerivativeRefusalKind.DefaultGrade, planning.Refusal?.Kind);
    }

    [Fact]
    public void Plan_ResamplingBeyondTheCoarseningLimit_Refuses()
    {
        var planning = Plan(Policy(), Product(0.1), "public");

        Assert.Equal(new DerivativeRefusal(DerivativeRefusalKind.TooCoarse,
            "public needs a GSD of at least 2.5 m for this product, more than 20× its 0.1 m."), planning.Refusal);
    }

    [Fact]
    public void Plan_FootprintInsideTheFencesHole_IsNotMasked()
    {
        var policy = Policy([Range]);
        var product = Product(0.3, "POLYGON ((10.9 50.7, 11.1 50.7, 11.1 50.8, 10.9 50.8, 10.9 50.7))");

        var planning = Plan(policy, product, "restricted");

        Assert.Equal(0.5, planning.Plan?.ResampleToGsdMetres);
        Assert.Empty(planning.Plan!.MaskedFences);
    }

    [Fact]
    public void Plan_FootprintAcrossTheFenceAndItsHole_KeepsOnlyThePartInTheHoleClearOfTheFence()
    {
        var plan = AssertMasksOnly(Range, Product(1.0, "POLYGON ((10.9 50.5, 11.1 50.5, 11.1 50.8, 10.9 50.8, 10.9 50.5))"), "sensitive", "restricted");

        Assert.False(plan.Footprint.Intersects(Range.Geometry));
        Assert.True(plan.MaskedArea!.Contains(Range.Geometry));
        var kept = plan.Footprint.EnvelopeInternal;
        Assert.InRange(kept.MinY, 50.6 + 0.00009, 50.6 + 0.0002);
        Assert.Equal(50.8, kept.MaxY, 9);
    }

    [Theory]
    [InlineData("POLYGON ((10.2 50.2, 10.5 50.2, 10.5 50.4, 10.2 50.4, 10.2 50.2))")]     // all inside the fence
    [InlineData("POLYGON ((9.99 50.2, 10.5 50.2, 10.5 50.4, 9.99 50.4, 9.99 50.2))")]     // a 2% strip outside it
    public void Plan_FenceCoveringAllOrNearlyAllOfTheFootprint_ResamplesToItsReleasableGsd(string footprint)
    {
        var policy = Policy([Range]);
        var product = Product(1.0, footprint);

        var planning = Plan(policy, product, "restricted");

        Assert.Equal(5, planning.Plan?.ResampleToGsdMetres);
        Assert.Empty(planning.Plan!.MaskedFences);
        Assert.Same(product.Footprint, planning.Plan.Footprint);
        Assert.Equal("public", Grade(policy, planning.Plan, product));
    }

    [Fact]
    public void Plan_FenceCoveringTheFootprintAndResamplingNotAllowed_Refuses()
    {
        var policy = Policy([Range]);
        var product = Product(0.2, "POLYGON ((10.2 50.2, 10.5 50.2, 10.5 50.4, 10.2 50.4, 10.2 50.2))");

        var planning = Plan(policy, product, "restricted");

        Assert.Equal(new DerivativeRefusal(DerivativeRefusalKind.NothingLeft,
            "Masking the geofences range would leave 0% of the footprint (at least 5% is needed), and releasing them unmasked needs a GSD of 5 m, more than 20× the product's 0.2 m."),
            planning.Refusal);
    }

    [Fact]
    public void Plan_TwoFences_ResamplesPastTheOneCoveringTheFootprintAndMasksTheOther()
    {
        var corner = new GeofenceRule("corner", "Corner", Wkt("POLYGON ((10.45 50.35, 10.6 50.35, 10.6 50.5, 10.45 50.5, 10.45 50.35))"), 30, "sensitive");
        var policy = Policy([Range, corner]);
        var product = Product(1.0, "POLYGON ((10.2 50.2, 10.5 50.2, 10.5 50.4, 10.2 50.4, 10.2 50.2))");

        var planning = Plan(policy, product, "restricted");

        Assert.Equal(5, planning.Plan?.ResampleToGsdMetres);
        Assert.Equal([corner], planning.Plan!.MaskedFences);
        Assert.False(planning.Plan.Footprint.Intersects(corner.Geometry));
        Assert.Equal("public", Grade(policy, planning.Plan, product));
    }

    [Theory]
    [InlineData("POLYGON ((178 -18, 182 -18, 182 -15, 178 -15, 178 -18))")]
    [InlineData("POLYGON ((178 -18, -178 -18, -178 -15, 178 -15, 178 -18))")]
    public void Plan_FenceAcrossTheAntimeridian_MasksItOnBothSides(string footprint)
    {
        var plan = AssertMasksOnly(Atoll, Product(3.0, footprint), "controlled", "public");

        Assert.Equal(2, plan.Footprint.NumGeometries);
        Assert.All(plan.Footprint.Coordinates, c => Assert.InRange(c.X, -180, 180));
        var point = (double x, double y) => plan.Footprint.Factory.CreatePoint(new Coordinate(x, y));
        Assert.False(plan.Footprint.Intersects(point(179.5, -16)));
        Assert.False(plan.Footprint.Intersects(point(-179.5, -16)));
        Assert.True(plan.Footprint.Contains(point(178.5, -17.9)));
        Assert.True(plan.Footprint.Contains(point(-178.5, -17.9)));
        Assert.True(plan.MaskedArea!.Contains(point(-179.0001, -16)));
    }

    [Fact]
    public void Plan_FenceEndingAtTheAntimeridian_CarriesTheMarginOverToTheOtherSide()
    {
        var fence = new GeofenceRule("east", "East", Wkt("POLYGON ((175 -10, 180 -10, 180 -5, 175 -5, 175 -10))"), 10, "sensitive");
        var policy = Policy([fence]);
        var product = Product(3.0, "POLYGON ((176 -8, 184 -8, 184 -7, 176 -7, 176 -8))");

        var planning = Plan(policy, product, "public");

        var plan = Assert.IsType<DerivativePlan>(planning.Plan);
        Assert.True(plan.MaskedArea!.EnvelopeInternal.MinX <= -180);
        Assert.All(plan.Footprint.Coordinates, c => Assert.True(c.X > -180 + 0.00009, $"{c.X} lies within the margin"));
    }
}
