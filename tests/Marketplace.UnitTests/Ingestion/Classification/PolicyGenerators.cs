using CsCheck;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Platform.Grading;
using NetTopologySuite.Geometries;

namespace Marketplace.UnitTests.Ingestion.Classification;

/// <summary>
/// CsCheck generators of valid policies and of products for property tests of policy evaluation and of what is
/// built on it. Boxes run from longitude -200 to 220, so fences and footprints often cross the antimeridian.
/// </summary>
internal static class PolicyGenerators
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly GeometryFactory Factory = new();

    public static Gen<T> Pick<T>(IReadOnlyList<T> values) => Gen.Int[0, values.Count - 1].Select(i => values[i]);

    public static readonly Gen<string> GenGrade = Pick([.. GradeScale.Default]);
    public static readonly Gen<double> GenMetres = Gen.Double[0.1, 50];

    public static Polygon Box(double x, double y, double w, double h) =>
        Factory.CreatePolygon([new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h), new(x, y)]);

    public static readonly Gen<Polygon> GenBox =
        Gen.Select(Gen.Double[-200, 200], Gen.Double[-60, 50], Gen.Double[0.1, 20], Gen.Double[0.1, 20], Box);

    public static readonly Gen<ClassificationPolicy> GenPolicy =
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

    public static readonly Gen<ProductDescription> GenProduct =
        Gen.Select(
            Pick(["optical", "sar", "hyperspectral"]),
            Gen.Double[0.1, 60],
            GenBox,
            Gen.Double[0, 300],
            Pick(["L0", "L1C", "L2A"]),
            Pick<string?>([null, "precise-orbit-ephemeris"]),
            (sensor, gsd, footprint, hoursAgo, type, telemetry) =>
                new ProductDescription(sensor, gsd, footprint, Now.AddHours(-hoursAgo), type, telemetry));
}
