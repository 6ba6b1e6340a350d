using Marketplace.Ingestion.Classification.Policies;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Marketplace.UnitTests.Ingestion.Classification;

public sealed class PolicyEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    private static ClassificationPolicy Policy(PolicyRules rules) => new("test-1", null, "public", "sensitive", rules);

    private static PolicyRules Rules(
        ResolutionRules? resolution = null, IReadOnlyList<GeofenceRule>? geofences = null, IReadOnlyList<EmbargoRule>? embargo = null,
        IReadOnlyDictionary<string, string>? productTypes = null, IReadOnlyDictionary<string, string>? telemetry = null,
        IReadOnlyList<CoveredAreaRule>? coveredArea = null) =>
        new(resolution, geofences, embargo, productTypes, telemetry, coveredArea);

    private static ProductDescription Product(double? gsd = 10, Geometry? footprint = null, DateTimeOffset? acquired = null,
        string? sensor = "optical", string? type = null, string? telemetry = null) =>
        new(sensor, gsd, footprint, acquired, type, telemetry);

    private static PolicyClassification Evaluate(PolicyRules rules, ProductDescription product) =>
        new PolicyEvaluator(Policy(rules)).Evaluate(product, Now);

    private static IEnumerable<string?> FiredRules(PolicyClassification c) => c.Reasons.Select(r => (string?)r!["rule"]);

    [Fact]
    public void Evaluate_NothingFires_GivesDefaultWithADefaultReason()
    {
        var result = Evaluate(Rules(), Product());

        Assert.Equal("public", result.Grade);
        Assert.Equal(["default"], FiredRules(result));
        Assert.False(result.NeedsReview);
        Assert.Equal("test-1", result.PolicyVersion);
        Assert.Null(result.RegradeAt);
    }

    [Theory]
    [InlineData("optical", 0.3, "sensitive")]
    [InlineData("optical", 1.0, "restricted")]
    [InlineData("optical", 2.5, "public")]
    [InlineData("sar", 1.5, "public")]
    [InlineData("sar", 0.9, "restricted")]
    [InlineData("hyperspectral", 10, "restricted")]
    [InlineData("lidar", 0.1, "public")]
    public void Evaluate_Resolution_UsesTheSensorKindsThresholds(string sensor, double gsd, string expected)
    {
        var resolution = new ResolutionRules(
            [new ResolutionRule(2.5, "restricted"), new ResolutionRule(0.5, "sensitive")],
            [new ResolutionRule(1, "restricted")],
            [new ResolutionRule(30, "restricted")]);

        var result = Evaluate(Rules(resolution: resolution), Product(gsd, sensor: sensor));

        Assert.Equal(expected, result.Grade);
    }

    [Fact]
    public void Evaluate_ProductTypeAndTelemetry_FireOnExactMatch()
    {
        var rules = Rules(productTypes: new Dictionary<string, string> { ["L0"] = "sensitive" },
            telemetry: new Dictionary<string, string> { ["precise-orbit-ephemeris"] = "restricted" });

        Assert.Equal("sensitive", Evaluate(rules, Product(type: "L0")).Grade);
        Assert.Equal("public", Evaluate(rules, Product(type: "L1C")).Grade);
        var orbit = Evaluate(rules, Product(gsd: null, sensor: null, telemetry: "precise-orbit-ephemeris"));
        Assert.Equal("restricted", orbit.Grade);
        Assert.Equal("precise-orbit-ephemeris", (string?)orbit.Reasons[0]!["inputs"]!["telemetryKind"]);
    }

    [Fact]
    public void Evaluate_CoveredArea_MeasuresOnTheSphere()
    {
        // One degree square at the equator: about 12,364 km² on a sphere of radius 6371 km.
        var rules = Rules(coveredArea: [new CoveredAreaRule(12000, "restricted"), new CoveredAreaRule(13000, "sensitive")]);

        var result = Evaluate(rules, Product(footprint: Wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")));

        Assert.Equal("restricted", result.Grade);
        var area = (double)result.Reasons[0]!["inputs"]!["areaKm2"]!;
        Assert.InRange(area, 12300, 12420);
    }

    [Fact]
    public void Evaluate_CoveredAreaAcrossTheAntimeridian_EqualsTheSameShapeElsewhere()
    {
        var rules = Rules(coveredArea: [new CoveredAreaRule(1, "restricted")]);

        var across = Evaluate(rules, Product(footprint: Wkt("POLYGON ((179 0, -179 0, -179 1, 179 1, 179 0))")));
        var plain = Evaluate(rules, Product(footprint: Wkt("POLYGON ((10 0, 12 0, 12 1, 10 1, 10 0))")));

        Assert.Equal((double)plain.Reasons[0]!["inputs"]!["areaKm2"]!, (double)across.Reasons[0]!["inputs"]!["areaKm2"]!, 3);
    }

    [Fact]
    public void Evaluate_EmbargoBeforeExpiry_RaisesGradeAndSetsRegradeAt()
    {
        var acquired = Now.AddHours(-10);
        var rules = Rules(embargo: [new EmbargoRule(1, 24, "sensitive"), new EmbargoRule(1, 72, "restricted")]);

        var result = Evaluate(rules, Product(gsd: 0.5, acquired: acquired));

        Assert.Equal("sensitive", result.Grade);
        Assert.True(result.NeedsReview);
        Assert.Equal(acquired.AddHours(24), result.RegradeAt);
        Assert.Equal(["embargo", "embargo"], FiredRules(result));
    }

    [Fact]
    public void Evaluate_EmbargoAfterExpiry_DoesNotFire()
    {
        var rules = Rules(embargo: [new EmbargoRule(1, 24, "sensitive")]);

        var expired = Evaluate(rules, Product(gsd: 0.5, acquired: Now.AddHours(-24)));
        var coarse = Evaluate(rules, Product(gsd: 1, acquired: Now.AddHours(-1)));

        Assert.Equal("public", expired.Grade);
        Assert.Null(expired.RegradeAt);
        Assert.Equal("public", coarse.Grade);
    }

    [Fact]
    public void Evaluate_SeveralRules_HighestGradeWinsAndEveryFiredRuleIsListed()
    {
        var rules = Rules(
            resolution: new ResolutionRules([new ResolutionRule(2.5, "restricted")], null, null),
            productTypes: new Dictionary<string, string> { ["L0"] = "controlled" },
            embargo: [new EmbargoRule(5, 48, "sensitive")]);

        var result = Evaluate(rules, Product(gsd: 1, acquired: Now, type: "L0"));

        Assert.Equal("controlled", result.Grade);
        Assert.Equal(["resolution", "embargo", "productType"], FiredRules(result));
        Assert.True(result.NeedsReview);
    }

    private static PolicyRules Fence(string wkt, double maxGsd = 5) =>
        Rules(geofences: [new GeofenceRule("f1", "Fence", Wkt(wkt), maxGsd, "sensitive")]);

    [Theory]
    [InlineData("POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))", 1, "sensitive")]   // inside
    [InlineData("POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))", 5, "public")]      // inside, GSD not finer than the limit
    [InlineData("POLYGON ((12 0, 13 0, 13 1, 12 1, 12 0))", 1, "public")] // outside
    [InlineData("POLYGON ((10 0, 11 0, 11 1, 10 1, 10 0))", 1, "sensitive")] // touches the edge x = 10
    [InlineData("POLYGON ((10 10, 11 10, 11 11, 10 11, 10 10))", 1, "sensitive")] // touches a corner only
    public void Evaluate_Geofence_IntersectsOrTouches(string footprint, double gsd, string expected)
    {
        var result = Evaluate(Fence("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), Product(gsd, Wkt(footprint)));

        Assert.Equal(expected, result.Grade);
    }

    [Fact]
    public void Evaluate_FootprintInsideAHole_DoesNotIntersect()
    {
        var rules = Fence("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 7 3, 7 7, 3 7, 3 3))");

        var inHole = Evaluate(rules, Product(1, Wkt("POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))")));
        var overHoleEdge = Evaluate(rules, Product(1, Wkt("POLYGON ((2 4, 6 4, 6 6, 2 6, 2 4))")));

        Assert.Equal("public", inHole.Grade);
        Assert.Equal("sensitive", overHoleEdge.Grade);
        Assert.Equal("f1", (string?)overHoleEdge.Reasons[0]!["condition"]!["id"]);
    }

    [Theory]
    [InlineData("POLYGON ((170 -10, 190 -10, 190 10, 170 10, 170 -10))")]  // longitudes past 180
    [InlineData("POLYGON ((170 -10, -170 -10, -170 10, 170 10, 170 -10))")] // wrapping longitudes
    public void Evaluate_FenceAcrossTheAntimeridian_CatchesFootprintsOnBothSides(string fence)
    {
        var rules = Fence(fence);

        Assert.Equal("sensitive", Evaluate(rules, Product(1, Wkt("POLYGON ((-175 0, -174 0, -174 1, -175 1, -175 0))"))).Grade);
        Assert.Equal("sensitive", Evaluate(rules, Product(1, Wkt("POLYGON ((175 0, 176 0, 176 1, 175 1, 175 0))"))).Grade);
        Assert.Equal("public", Evaluate(rules, Product(1, Wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"))).Grade);
        Assert.Equal("public", Evaluate(rules, Product(1, Wkt("POLYGON ((-165 0, -160 0, -160 1, -165 1, -165 0))"))).Grade);
    }

    [Fact]
    public void Evaluate_FootprintAcrossTheAntimeridian_HitsFencesOnEitherSideOnly()
    {
        var footprint = Wkt("POLYGON ((178 0, -178 0, -178 2, 178 2, 178 0))");

        Assert.Equal("sensitive", Evaluate(Fence("POLYGON ((-179.5 0.5, -179 0.5, -179 1, -179.5 1, -179.5 0.5))"), Product(1, footprint)).Grade);
        Assert.Equal("sensitive", Evaluate(Fence("POLYGON ((179 0.5, 179.5 0.5, 179.5 1, 179 1, 179 0.5))"), Product(1, footprint)).Grade);
        // Read naively, the footprint would span -178..178 and cover this fence at the prime meridian.
        Assert.Equal("public", Evaluate(Fence("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), Product(1, footprint)).Grade);
    }
}
