using Marketplace.Ingestion.Classification.Policies;
using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;

namespace Marketplace.UnitTests.Ingestion.Classification;

public sealed class ClassificationPolicyParserTests
{
    private const string Valid = """
        {
          "version": "1.0.0",
          "defaultGrade": "public",
          "reviewFrom": "sensitive",
          "rules": {
            "resolution": { "optical": [ { "finerThanMetres": 2.5, "grade": "restricted" } ] },
            "geofences": [
              { "id": "pacific", "name": "Across the date line", "maxReleasableGsd": 5, "grade": "sensitive",
                "geometry": { "type": "Polygon", "coordinates": [[[170,-10],[190,-10],[190,10],[170,10],[170,-10]]] } }
            ],
            "embargo": [ { "finerThanMetres": 1, "hours": 24, "grade": "restricted" } ],
            "productTypes": { "L0": "sensitive" },
            "telemetry": { "precise-orbit-ephemeris": "restricted" },
            "coveredArea": [ { "aboveKm2": 100000, "grade": "restricted" } ]
          }
        }
        """;

    [Fact]
    public void Parse_ValidPolicy_ReadsEveryRuleKind()
    {
        var result = new ClassificationPolicyParser().Parse(Valid);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var rules = result.Policy!.Rules!;
        Assert.Equal("1.0.0", result.Policy.Version);
        Assert.Equal(2.5, rules.Resolution!.Optical![0].FinerThanMetres);
        Assert.IsType<Polygon>(rules.Geofences![0].Geometry);
        Assert.Equal(24, rules.Embargo![0].Hours);
        Assert.Equal("sensitive", rules.ProductTypes!["L0"]);
        Assert.Equal("restricted", rules.Telemetry!["precise-orbit-ephemeris"]);
        Assert.Equal(100000, rules.CoveredArea![0].AboveKm2);
    }

    [Fact]
    public void Parse_GradeOffTheScale_ReportsItsPath()
    {
        var result = new ClassificationPolicyParser().Parse(Valid.Replace("\"L0\": \"sensitive\"", "\"L0\": \"secret\"", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Null(result.Policy);
        Assert.Equal("$.rules.productTypes['L0']", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Parse_CustomScale_AcceptsItsGradesOnly()
    {
        var json = """{ "version": "2", "scale": ["open", "closed"], "defaultGrade": "open", "reviewFrom": "restricted" }""";

        var result = new ClassificationPolicyParser().Parse(json);

        Assert.Equal(["$.reviewFrom"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Parse_NonPositiveThresholds_ReportsEach()
    {
        var json = Valid
            .Replace("\"finerThanMetres\": 2.5", "\"finerThanMetres\": 0", StringComparison.Ordinal)
            .Replace("\"hours\": 24", "\"hours\": -1", StringComparison.Ordinal)
            .Replace("\"aboveKm2\": 100000", "\"aboveKm2\": 0", StringComparison.Ordinal)
            .Replace("\"maxReleasableGsd\": 5", "\"maxReleasableGsd\": -5", StringComparison.Ordinal);

        var result = new ClassificationPolicyParser().Parse(json);

        Assert.Equal(
            ["$.rules.resolution.optical[0].finerThanMetres", "$.rules.geofences[0].maxReleasableGsd", "$.rules.embargo[0].hours", "$.rules.coveredArea[0].aboveKm2"],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Parse_SelfIntersectingFence_IsInvalidPolygon()
    {
        var json = Valid.Replace("[[[170,-10],[190,-10],[190,10],[170,10],[170,-10]]]", "[[[0,0],[10,10],[10,0],[0,10],[0,0]]]", StringComparison.Ordinal);

        var result = new ClassificationPolicyParser().Parse(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.rules.geofences[0].geometry", error.Path);
        Assert.StartsWith("Invalid polygon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PointFence_IsRefused()
    {
        var json = Valid.Replace("""{ "type": "Polygon", "coordinates": [[[170,-10],[190,-10],[190,10],[170,10],[170,-10]]] }""", """{ "type": "Point", "coordinates": [1, 2] }""", StringComparison.Ordinal);

        var result = new ClassificationPolicyParser().Parse(json);

        Assert.Equal("$.rules.geofences[0].geometry", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Parse_DuplicateFenceIds_ReportsTheSecond()
    {
        var fence = """{ "id": "a", "name": "A", "maxReleasableGsd": 5, "grade": "sensitive", "geometry": { "type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1],[0,0]]] } }""";
        var json = $$"""{ "version": "1", "defaultGrade": "public", "reviewFrom": "sensitive", "rules": { "geofences": [ {{fence}}, {{fence}} ] } }""";

        var result = new ClassificationPolicyParser().Parse(json);

        Assert.Equal("$.rules.geofences[1].id", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Parse_MalformedJsonOrUnknownMember_ReportsPath()
    {
        var parser = new ClassificationPolicyParser();

        var malformed = parser.Parse("""{ "version": 3 }""");
        var unknown = parser.Parse("""{ "version": "1", "defaultGrade": "public", "reviewFrom": "sensitive", "rulez": {} }""");

        Assert.Equal("$.version", Assert.Single(malformed.Errors).Path);
        Assert.False(unknown.IsValid);
        Assert.Single(unknown.Errors);
    }

    [Fact]
    public void Parse_MissingVersionAndGrades_ReportsEach()
    {
        var result = new ClassificationPolicyParser().Parse("{}");

        Assert.Equal(["$.version", "$.defaultGrade", "$.reviewFrom"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Parse_ExamplePolicy_IsValidAndGradesTheDateLineAtollOnBothSides()
    {
        var result = new ClassificationPolicyParser().Parse(File.ReadAllText(ExamplePath()));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var evaluator = new PolicyEvaluator(result.Policy!);
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var west = new NetTopologySuite.IO.WKTReader().Read("POLYGON ((-179.5 -16.5, -179.2 -16.5, -179.2 -16.2, -179.5 -16.2, -179.5 -16.5))");
        var inTown = new NetTopologySuite.IO.WKTReader().Read("POLYGON ((10.9 50.7, 11.1 50.7, 11.1 50.8, 10.9 50.8, 10.9 50.7))");
        Assert.Equal("controlled", evaluator.Evaluate(new ProductDescription("sar", 5, west, null, null, null), now).Grade);
        Assert.Equal("public", evaluator.Evaluate(new ProductDescription("optical", 4, inTown, null, null, null), now).Grade);
    }

    private static string ExamplePath([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "catalog-schemas")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "catalog-schemas", "classification-policy", "v1.0.0", "examples", "default.json");
    }
}
