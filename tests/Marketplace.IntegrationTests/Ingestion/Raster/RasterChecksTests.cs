using Marketplace.Ingestion.Findings;
using Marketplace.Ingestion.Raster;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Marketplace.IntegrationTests.Ingestion.Raster;

public sealed class RasterChecksTests : IDisposable
{
    /// <summary>The lon/lat footprint of <see cref="RasterWorkbench.CogAsync"/>(600, 400): UTM 50N 440000–446000 E, 4416000–4420000 N.</summary>
    private const string CogFootprintWkt = "POLYGON ((116.2978 39.8924, 116.3684 39.8924, 116.3684 39.9280, 116.2978 39.9280, 116.2978 39.8924))";

    private readonly RasterWorkbench _bench = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _bench.Dispose();

    private async Task<RasterInfo> InspectAsync(GdalWorkFileSource source)
    {
        var inspection = await _bench.Inspector.InspectAsync(await source(), Ct);
        Assert.DoesNotContain(inspection.Findings, f => f.Severity == FindingSeverity.Error);
        return inspection.Info!;
    }

    private delegate Task<Marketplace.Platform.Gdal.GdalWorkFile> GdalWorkFileSource();

    private static Geometry Wkt(string text) => new WKTReader().Read(text);

    [Fact]
    public async Task Check_CogMatchingItsDeclaration_HasNoFindings()
    {
        var info = await InspectAsync(() => _bench.CogAsync(600, 400));

        var result = _bench.Checks.Check(info, new RasterDeclaration(Wkt(CogFootprintWkt), Gsd: 10, EoBandCount: 3, NoData: null));

        Assert.Empty(result.Findings);
        Assert.True(result.FootprintIoU > 0.95, $"IoU {result.FootprintIoU}");
        Assert.Equal(10, result.GsdMetres!.Value, 6);
        Assert.False(result.FootprintDerived);
    }

    [Fact]
    public async Task Check_DeclarationAsGeoJson_IsReadLikeWkt()
    {
        var info = await InspectAsync(() => _bench.CogAsync(600, 400));
        var declared = RasterDeclaration.FromGeoJson(
            """{"type":"Polygon","coordinates":[[[116.2978,39.8924],[116.3684,39.8924],[116.3684,39.9280],[116.2978,39.9280],[116.2978,39.8924]]]}""",
            gsd: 10, eoBandCount: 3, noData: null);

        var result = _bench.Checks.Check(info, declared);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task Check_GeoTiffWithoutCrs_ReportsCrsMissing()
    {
        var info = await InspectAsync(() => _bench.CreateAsync("-outsize", "32", "32", "-burn", "1", "-a_ullr", "0", "32", "32", "0"));

        var result = _bench.Checks.Check(info, new RasterDeclaration(null, null, null, null));

        Assert.Null(info.Crs);
        Assert.Contains(result.Findings, f => f is { Code: "raster.crs-missing", Severity: FindingSeverity.Error });
        Assert.Null(result.Footprint);
    }

    [Fact]
    public async Task Check_FootprintFarFromDeclaredGeometry_ReportsMismatchWithIoU()
    {
        var info = await InspectAsync(() => _bench.CogAsync(600, 400));

        var result = _bench.Checks.Check(info, new RasterDeclaration(Wkt("POLYGON ((10 45, 11 45, 11 46, 10 46, 10 45))"), 10, 3, null));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("raster.footprint-mismatch", finding.Code);
        Assert.Contains("IoU of 0.000", finding.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.FootprintIoU);
    }

    [Fact]
    public async Task Check_NoDeclaredGeometry_ReturnsTheRastersFootprint()
    {
        var info = await InspectAsync(() => _bench.CogAsync(600, 400));

        var result = _bench.Checks.Check(info, new RasterDeclaration(null, 10, 3, null));

        Assert.Equal(["raster.footprint-derived"], result.Findings.Select(f => f.Code));
        Assert.True(result.FootprintDerived);
        var footprint = Assert.IsType<Polygon>(result.Footprint);
        Assert.Equal(4326, footprint.SRID);
        // UTM grid north is not true north here: the footprint is slightly rotated in longitude/latitude.
        var corners = Wkt("POLYGON ((116.2978 39.9280, 116.2982 39.8919, 116.3684 39.8923, 116.3680 39.9284, 116.2978 39.9280))");
        Assert.True(footprint.EqualsExact(corners, 0.0001), footprint.AsText());
    }

    [Fact]
    public async Task Check_DeclaredGsdOfHalfAMetreFor10MetrePixels_ReportsGsdMismatch()
    {
        var info = await InspectAsync(() => _bench.CogAsync(600, 400));

        var result = _bench.Checks.Check(info, new RasterDeclaration(Wkt(CogFootprintWkt), 0.5, 3, null));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("raster.gsd-mismatch", finding.Code);
        Assert.Contains("0.5 m", finding.Message, StringComparison.Ordinal);
        Assert.Contains("10 m", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11.0, false)]   // 0.0001° at the equator: 11.13 m east-west, 11.06 m north-south
    [InlineData(1.0, true)]
    public async Task Check_GeographicRaster_ConvertsDegreesToMetres(double declaredGsd, bool mismatch)
    {
        var info = await InspectAsync(() => _bench.CreateAsync(
            "-outsize", "100", "100", "-burn", "1", "-a_srs", "EPSG:4326", "-a_ullr", "10", "0.005", "10.01", "-0.005"));

        var result = _bench.Checks.Check(info, new RasterDeclaration(null, declaredGsd, 1, null));

        Assert.Equal(RasterCrsKind.Geographic, info.Crs?.Kind);
        Assert.Equal(11.1, result.GsdMetres!.Value, 1);
        Assert.Equal(mismatch, result.Findings.Any(f => f.Code == "raster.gsd-mismatch"));
    }

    [Fact]
    public async Task Check_AllNoDataBand_ReportsBandAllNoData()
    {
        var info = await InspectAsync(() => _bench.CreateAsync(
            "-outsize", "32", "32", "-bands", "2", "-ot", "UInt16", "-burn", "0", "-burn", "7", "-a_nodata", "0",
            "-a_srs", "EPSG:32650", "-a_ullr", "440000", "4420000", "440320", "4419680"));

        var result = _bench.Checks.Check(info, new RasterDeclaration(null, 10, 2, NoData: 0));

        Assert.Contains(result.Findings, f => f is { Code: "raster.band-all-nodata", Severity: FindingSeverity.Error, Location: "band 1" });
        Assert.Contains(result.Findings, f => f is { Code: "raster.band-constant", Severity: FindingSeverity.Warning, Location: "band 2" });
        Assert.DoesNotContain(result.Findings, f => f.Code == "raster.nodata-mismatch");
    }

    [Fact]
    public async Task Check_DeclaredBandsAndNoDataDiffer_ReportsBoth()
    {
        var info = await InspectAsync(() => _bench.CogAsync(600, 400));

        var result = _bench.Checks.Check(info, new RasterDeclaration(Wkt(CogFootprintWkt), 10, EoBandCount: 4, NoData: 0));

        Assert.Contains(result.Findings, f => f is { Code: "raster.band-count-mismatch", Severity: FindingSeverity.Error });
        Assert.Equal(3, result.Findings.Count(f => f.Code == "raster.nodata-mismatch"));
    }
}
