using Marketplace.Ingestion.Classification.Derivatives;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Raster;
using Marketplace.IntegrationTests.Ingestion.Raster;
using Marketplace.Platform.Gdal;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Marketplace.IntegrationTests.Ingestion.Derivatives;

public sealed class DerivativeMakerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DerivativeOptions Options = new();

    private readonly RasterWorkbench _bench = new();
    private readonly DerivativeMaker _maker;

    public DerivativeMakerTests()
    {
        _maker = new DerivativeMaker(_bench.Sandbox, _bench.Inspector, _bench.Converter, Microsoft.Extensions.Options.Options.Create(Options));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _bench.Dispose();

    private static Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    /// <summary>The plan for releasing at public a 1 m optical product with <paramref name="footprint"/> under one sensitive fence.</summary>
    private static DerivativePlan MaskingPlan(string footprint, string fence)
    {
        var policy = new ClassificationPolicy("test-1", null, "public", "sensitive", new PolicyRules(
            null, [new GeofenceRule("range", "Range", Wkt(fence), 5, "sensitive")], null, null, null, null));
        var product = new ProductDescription("optical", 1, Wkt(footprint), Now.AddDays(-30), "L2A", null);
        var planning = new DerivativePlanner(policy, Options).Plan(product, "public", Now);
        Assert.True(planning.IsPlanned, planning.Refusal?.Reason);
        Assert.Null(planning.Plan.ResampleToGsdMetres);
        return planning.Plan;
    }

    /// <summary>One Byte band of 7s with nodata 255 in EPSG:4326, from (west, north) to (east, south).</summary>
    private Task<GdalWorkFile> Wgs84RasterAsync(int width, int height, string west, string north, string east, string south) =>
        _bench.CreateAsync("-outsize", $"{width}", $"{height}", "-bands", "1", "-ot", "Byte", "-burn", "7",
            "-a_srs", "EPSG:4326", "-a_ullr", west, north, east, south, "-a_nodata", "255");

    /// <summary>Band 1 of a window of <paramref name="file"/>, read through the sandbox (gdal_translate -srcwin, then gdalinfo -stats).</summary>
    private async Task<RasterBandInfo> WindowAsync(GdalWorkFile file, int x, int y, int width, int height)
    {
        var window = _bench.Workspace.NewFile(".tif");
        string[] arguments = ["-q", "-of", "GTiff", "-srcwin", $"{x}", $"{y}", $"{width}", $"{height}"];
        var run = await _bench.Sandbox.RunAsync(new GdalCommand(GdalTool.GdalTranslate, arguments, file, window), Ct);
        Assert.True(run.Succeeded, run.Stderr);
        var inspection = await _bench.Inspector.InspectAsync(window, Ct);
        Assert.NotNull(inspection.Info);
        return inspection.Info.Bands[0];
    }

    private static void AssertAllData(RasterBandInfo band, double value)
    {
        Assert.Equal(100, band.ValidPercent);
        Assert.Equal(value, band.Statistics?.Minimum);
        Assert.Equal(value, band.Statistics?.Maximum);
    }

    private static void AssertAllNoData(RasterBandInfo band) => Assert.True(band.Statistics is null && band.ValidPercent is null or 0,
        $"valid {band.ValidPercent}%, statistics {band.Statistics}");

    [Fact]
    public async Task MakeAsync_UtmRasterAt1m_ResamplesTo5mAndWritesAValidCog()
    {
        var source = await _bench.CogAtAsync(500, 400, "EPSG:32650", 440000, 4420000, 1);
        var plan = new DerivativePlan("public", 5, [], Wkt("POLYGON ((116.29 39.92, 116.31 39.92, 116.31 39.93, 116.29 39.93, 116.29 39.92))"));

        var derivative = await _maker.MakeAsync(source, plan, Ct);

        Assert.Empty(derivative.Findings);
        var output = Assert.IsType<GdalWorkFile>(derivative.Output);
        Assert.Equal(5, derivative.GsdMetres);
        Assert.Equal(0, derivative.NoData);
        Assert.Equal(
        [
            "The source has no nodata value; the derivative's is 0.",
            "Resampled (gdalwarp, average) from 1 m to 5 m pixels.",
            "Wrote a Cloud Optimized GeoTIFF.",
        ], derivative.Actions);
        var info = (await _bench.Inspector.InspectAsync(output, Ct)).Info!;
        Assert.Equal(new GeoTransform(440000, 5, 0, 4420000, 0, -5), info.GeoTransform);
        Assert.Equal((100, 80, 3), (info.Width, info.Height, info.Bands.Count));
        Assert.Equal(32650, info.Crs?.Epsg);
        Assert.All(info.Bands, b => Assert.Equal(0, b.NoData));
        Assert.True((await _bench.Conformance.ValidateAsync(output, Ct)).IsValid);
        Assert.Equal(new[] { source.Name, output.Name }.Order(), Directory.GetFiles(_bench.Workspace.FolderPath).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task MakeAsync_Wgs84RasterPartlyInsideAFence_BurnsNodataInsideAndKeepsDataOutside()
    {
        // 200 × 100 pixels of 0.01° over 10..12 E, 50..51 N; the fence covers everything east of 11 E.
        var source = await Wgs84RasterAsync(200, 100, "10", "51", "12", "50");
        var plan = MaskingPlan("POLYGON ((10 50, 12 50, 12 51, 10 51, 10 50))", "POLYGON ((11 49, 13 49, 13 52, 11 52, 11 49))");

        var derivative = await _maker.MakeAsync(source, plan, Ct);

        Assert.Empty(derivative.Findings);
        var output = Assert.IsType<GdalWorkFile>(derivative.Output);
        Assert.Equal(255, derivative.NoData);
        Assert.Equal(["Masked 1 protected area(s) (with a margin) as nodata (255).", "Wrote a Cloud Optimized GeoTIFF."], derivative.Actions);
        // Column 99 (10.99..11.00 E) touches the fence's 10 m margin and is masked too; column 98 is clear of it.
        AssertAllData(await WindowAsync(output, 0, 0, 99, 100), 7);
        AssertAllNoData(await WindowAsync(output, 99, 0, 101, 100));
        Assert.InRange(derivative.GsdMetres!.Value, 0.01 * 111_320 * Math.Cos(51 * Math.PI / 180) * 0.999, 0.01 * 111_320 * Math.Cos(51 * Math.PI / 180));
    }

    [Fact]
    public async Task MakeAsync_UtmRasterWithoutNodataPartlyInsideAFence_GetsNodataAndMasksTheReprojectedFence()
    {
        // 500 × 400 m in UTM 50N at about 116.2978..116.3037 E, 39.9244..39.9280 N; the fence lies west of 116.3005 E.
        var source = await _bench.CogAtAsync(500, 400, "EPSG:32650", 440000, 4420000, 1);
        var plan = MaskingPlan(
            "POLYGON ((116.2978 39.9244, 116.3037 39.9244, 116.3037 39.928, 116.2978 39.928, 116.2978 39.9244))",
            "POLYGON ((116.29 39.9, 116.3005 39.9, 116.3005 39.95, 116.29 39.95, 116.29 39.9))");

        var derivative = await _maker.MakeAsync(source, plan, Ct);

        Assert.Empty(derivative.Findings);
        var output = Assert.IsType<GdalWorkFile>(derivative.Output);
        Assert.Equal(0, derivative.NoData);
        Assert.Equal("The source has no nodata value; the derivative's is 0.", derivative.Actions[0]);
        var info = (await _bench.Inspector.InspectAsync(output, Ct)).Info!;
        Assert.All(info.Bands, b => Assert.Equal(0, b.NoData));
        Assert.Equal(1, derivative.GsdMetres);
        AssertAllNoData(await WindowAsync(output, 0, 0, 200, 400));
        var east = await WindowAsync(output, 300, 0, 200, 400);
        Assert.True(east.ValidPercent > 99, $"valid {east.ValidPercent}%");
    }

    [Fact]
    public async Task MakeAsync_Wgs84RasterPastTheAntimeridian_MasksTheFenceOnBothSidesOf180()
    {
        // 200 × 150 pixels of 0.02° over 178..182 E (longitudes past 180), 18..15 S; the atoll fence spans 179..181 E.
        var source = await Wgs84RasterAsync(200, 150, "178", "-15", "182", "-18");
        var plan = MaskingPlan("POLYGON ((178 -18, 182 -18, 182 -15, 178 -15, 178 -18))", "POLYGON ((179 -17, 181 -17, 181 -15.5, 179 -15.5, 179 -17))");

        var derivative = await _maker.MakeAsync(source, plan, Ct);

        var output = Assert.IsType<GdalWorkFile>(derivative.Output);
        AssertAllNoData(await WindowAsync(output, 60, 40, 30, 30));
        AssertAllNoData(await WindowAsync(output, 110, 40, 30, 30));
        AssertAllData(await WindowAsync(output, 0, 0, 45, 150), 7);
        AssertAllData(await WindowAsync(output, 155, 0, 45, 150), 7);
        AssertAllData(await WindowAsync(output, 0, 110, 200, 40), 7);
    }
}
