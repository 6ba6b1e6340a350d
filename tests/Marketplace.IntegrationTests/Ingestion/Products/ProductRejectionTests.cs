using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.IntegrationTests.Ingestion.Raster;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;
using UploadSteps = Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Products;

/// <summary>
/// Bad products, each made by the test: every one ends rejected with the precise finding, with a signed report that
/// says so, and nothing of it reaches the catalog; the worker keeps going and certifies a good product afterwards.
/// </summary>
public sealed class ProductRejectionTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private const string GeoTiff = "image/tiff; application=geotiff";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A small polygon around the test rasters (UTM 50N near 116.3° E, 39.9° N).</summary>
    private static readonly object Beijing = new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 116.29, 39.87 }, new[] { 116.33, 39.87 }, new[] { 116.33, 39.93 }, new[] { 116.29, 39.93 }, new[] { 116.29, 39.87 } } },
    };

    private static readonly object FarAway = new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 10.0, 50.0 }, new[] { 10.1, 50.0 }, new[] { 10.1, 50.1 }, new[] { 10.0, 50.1 }, new[] { 10.0, 50.0 } } },
    };

    public static TheoryData<string> Cases => new()
    {
        "wrong-checksum", "truncated-tiff", "pixel-flood", "vrt-renamed", "zip-as-geotiff", "no-crs", "far-footprint", "ccsds-gaps", "tle-checksum",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadProduct_IsRejectedWithItsFinding_AndNothingIsPublished(string name)
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        using var bench = new RasterWorkbench();
        var cog = await File.ReadAllBytesAsync((await bench.CogAsync(256, 256)).FullPath, Ct);
        (byte[] bytes, string type, string role, object? geometry, string? declaredSha, string expected) = name switch
        {
            "wrong-checksum" => (cog, GeoTiff, "data", (object?)null, new string('a', 64), "integrity.checksum-mismatch"),
            "truncated-tiff" => (cog[..(cog.Length / 3)], GeoTiff, "data", null, null, "raster.unreadable"),
            "pixel-flood" => (TiffBytes.PixelFlood(1_000_000, 1_000_000, 4), GeoTiff, "data", Beijing, null, "raster.pixel-flood"),
            "vrt-renamed" => (Encoding.UTF8.GetBytes("""<VRTDataset rasterXSize="512" rasterYSize="512"><VRTRasterBand dataType="Byte" band="1"><SimpleSource><SourceFilename relativeToVRT="0">/etc/passwd</SourceFilename></SimpleSource></VRTRasterBand></VRTDataset>"""),
                GeoTiff, "data", Beijing, null, "format.not-allowed"),
            "zip-as-geotiff" => ((byte[])[0x50, 0x4B, 0x03, 0x04, .. new byte[200]], GeoTiff, "data", Beijing, null, "format.not-allowed"),
            "no-crs" => (TiffBytes.Gradient(256, 256, 3), GeoTiff, "data", Beijing, null, "raster.crs-missing"),
            "far-footprint" => (cog, GeoTiff, "data", FarAway, null, "raster.footprint-mismatch"),
            "ccsds-gaps" => (SpacePackets(), "application/vnd.ccsds.space-packet", "telemetry", Beijing, null, "space-packet.packet-truncated"),
            "tle-checksum" => (Encoding.ASCII.GetBytes(BadTle), "text/plain", "telemetry", Beijing, null, "tle.checksum"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var upload = await UploadAsync(uploader, bytes, type, Ct, declaredSha);
        var itemId = "bad-" + name;

        using var submitted = await SubmitAsync(uploader, collection, Draft(itemId, geometry), new Dictionary<string, (Guid, string[], string)>
        {
            [role] = (upload, [role], type),
        }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var productId = (await MarketplaceApp.ReadJsonAsync(submitted, Ct)).GetProperty("id").GetGuid();
        var product = await WaitForFinalAsync(uploader, productId, Ct);

        Assert.True(product.GetProperty("status").GetString() == "rejected", product.ToString());
        Assert.Contains(expected, FindingCodes(product));
        var finding = product.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("findings").EnumerateArray())
            .First(f => f.GetProperty("code").GetString() == expected);
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.StartsWith($"assets.{role}", finding.GetProperty("location").GetString() ?? "", StringComparison.Ordinal);
        if (name == "ccsds-gaps")
        {
            // The jump from count 1 to 3 is reported with the packet where it happens.
            Assert.Contains("space-packet.sequence-gap", FindingCodes(product));
        }
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/collections/{collection}/items/{itemId}", Ct)).StatusCode);
        var report = JsonDocument.Parse(await uploader.GetStringAsync($"/products/{productId}/certification", Ct)).RootElement;
        Assert.Equal("rejected", report.GetProperty("result").GetString());
        Assert.Equal("skipped", Step(product, "publication").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ZeroByteFile_IsRefusedBeforeAnyUpload()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);

        using var response = await uploader.PostAsJsonAsync("/uploads", new { fileName = "empty.tif", size = 0L, mediaType = "image/tiff" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation", Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("size", out _), problem.ToString());
    }

    [Fact]
    public async Task AfterBadProducts_TheWorkerStillCertifiesAGoodOne()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        var flood = await UploadAsync(uploader, TiffBytes.PixelFlood(1_000_000, 1_000_000, 4), GeoTiff, Ct);
        using var bench = new RasterWorkbench();
        var good = await UploadAsync(uploader, await File.ReadAllBytesAsync((await bench.CogAsync(256, 256)).FullPath, Ct), GeoTiff, Ct);

        var bad = (await MarketplaceApp.ReadJsonAsync(await SubmitAsync(uploader, collection, Draft("flood", Beijing),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (flood, ["data"], GeoTiff) }, Ct), Ct)).GetProperty("id").GetGuid();
        var fine = (await MarketplaceApp.ReadJsonAsync(await SubmitAsync(uploader, collection, Draft("fine"),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (good, ["data"], GeoTiff) }, Ct), Ct)).GetProperty("id").GetGuid();

        Assert.Equal("rejected", (await WaitForFinalAsync(uploader, bad, Ct)).GetProperty("status").GetString());
        Assert.Equal("published", (await WaitForFinalAsync(uploader, fine, Ct)).GetProperty("status").GetString());
    }

    /// <summary>A real ISS two-line element set with the last digit of line 1 (its checksum) changed.</summary>
    private const string BadTle = """
        ISS (ZARYA)
        1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2928
        2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537
        """;

    /// <summary>CCSDS space packets of one APID with sequence counts 0, 1, 3 (a gap), then a packet whose length runs past the end.</summary>
    private static byte[] SpacePackets()
    {
        var stream = new List<byte>();
        foreach (var sequence in new[] { 0, 1, 3 })
        {
            stream.AddRange(Packet(100, sequence, new byte[16]));
        }
        var truncated = Packet(100, 4, new byte[64]);
        stream.AddRange(truncated[..30]);
        return [.. stream];
    }

    private static byte[] Packet(int apid, int sequence, byte[] data)
    {
        var length = data.Length - 1;
        return
        [
            (byte)((apid >> 8) & 0x07), (byte)(apid & 0xFF),
            (byte)(0xC0 | ((sequence >> 8) & 0x3F)), (byte)(sequence & 0xFF),
            (byte)(length >> 8), (byte)(length & 0xFF),
            .. data,
        ];
    }
}
