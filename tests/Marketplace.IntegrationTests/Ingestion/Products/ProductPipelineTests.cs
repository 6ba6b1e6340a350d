using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.IntegrationTests.Ingestion.Raster;
using Microsoft.IdentityModel.Tokens;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;
using UploadSteps = Marketplace.IntegrationTests.Ingestion.Uploads.UploadSteps;

namespace Marketplace.IntegrationTests.Ingestion.Products;

/// <summary>
/// Products through the whole pipeline on the real services (PostgreSQL, Azurite, GDAL in its sandbox, the worker's
/// job runner): submitted, certified with a signed report anyone can verify, graded, published into the catalog.
/// </summary>
public sealed class ProductPipelineTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cog_IsCertified_SignedAndPublished_WithItsFootprintAndProjectionFromTheRaster()
    {
        var (uploader, organization) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        using var bench = new RasterWorkbench();
        var cog = await File.ReadAllBytesAsync((await bench.CogAsync(256, 256)).FullPath, Ct);
        var upload = await UploadAsync(uploader, cog, "image/tiff; application=geotiff; profile=cloud-optimized", Ct);

        using var submitted = await SubmitAsync(uploader, collection, Draft("scene-1"), new Dictionary<string, (Guid, string[], string)>
        {
            ["data"] = (upload, ["data"], "image/tiff; application=geotiff; profile=cloud-optimized"),
        }, Ct);
        var accepted = await MarketplaceApp.ReadJsonAsync(submitted, Ct);
        var productId = accepted.GetProperty("id").GetGuid();
        var product = await WaitForFinalAsync(uploader, productId, Ct);

        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Equal($"/products/{productId}", submitted.Headers.Location?.OriginalString);
        Assert.Equal("submitted", accepted.GetProperty("status").GetString());
        Assert.True(product.GetProperty("status").GetString() == "published", product.ToString());
        Assert.Equal("public", product.GetProperty("grade").GetString());
        Assert.All(product.GetProperty("steps").EnumerateArray(), s => Assert.Equal("succeeded", s.GetProperty("state").GetString()));
        Assert.Contains("raster.footprint-derived", FindingCodes(product));
        var data = product.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "data");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(cog)), data.GetProperty("sha256").GetString());
        Assert.Contains(product.GetProperty("assets").EnumerateArray(), a => a.GetProperty("key").GetString() == "thumbnail");

        using var anonymous = app.CreateClient();
        var item = await MarketplaceApp.ReadJsonAsync(await anonymous.GetAsync($"/collections/{collection}/items/scene-1", Ct), Ct);
        var properties = item.GetProperty("properties");
        Assert.Equal("EPSG:32650", properties.GetProperty("proj:code").GetString());
        Assert.Equal(32650, properties.GetProperty("proj:epsg").GetInt32());
        Assert.Equal("certified", properties.GetProperty("marketplace:certification").GetProperty("status").GetString());
        Assert.Equal(organization.ToString(), properties.GetProperty("marketplace:provider").GetProperty("organization_id").GetString());
        Assert.Equal("1220" + Convert.ToHexStringLower(SHA256.HashData(cog)), item.GetProperty("assets").GetProperty("data").GetProperty("file:checksum").GetString());
        var bbox = item.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(bbox[0], 116.2, 116.4);
        Assert.InRange(bbox[1], 39.8, 40.0);
        var thumbnail = await anonymous.GetAsync($"/products/{productId}/assets/thumbnail", Ct);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await thumbnail.Content.ReadAsByteArrayAsync(Ct))[..4]);
        var dataDownload = await anonymous.GetAsync($"/products/{productId}/assets/data", Ct);
        Assert.Equal(HttpStatusCode.NotFound, dataDownload.StatusCode);
    }

    [Fact]
    public async Task CertificationReport_VerifiesOfflineWithThePublishedKey_AndQuotesEveryCheck()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        using var bench = new RasterWorkbench();
        var cog = await File.ReadAllBytesAsync((await bench.CogAsync(128, 128)).FullPath, Ct);
        var upload = await UploadAsync(uploader, cog, "image/tiff; application=geotiff", Ct);
        var productId = (await MarketplaceApp.ReadJsonAsync(await SubmitAsync(uploader, collection, Draft("scene-report"),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (upload, ["data"], "image/tiff; application=geotiff") }, Ct), Ct))
            .GetProperty("id").GetGuid();
        await WaitForFinalAsync(uploader, productId, Ct);
        using var anonymous = app.CreateClient();

        var report = await anonymous.GetByteArrayAsync($"/products/{productId}/certification", Ct);
        var jws = await anonymous.GetStringAsync($"/products/{productId}/certification.jws", Ct);
        var jwks = new JsonWebKeySet(await anonymous.GetStringAsync("/.well-known/jwks", Ct));

        var parts = jws.Split('.');
        var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0])).RootElement;
        var key = jwks.Keys.Single(k => k.Kid == header.GetProperty("kid").GetString());
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(key.X), Y = Base64UrlEncoder.DecodeBytes(key.Y) },
        });
        var valid = ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var tampered = report.ToArray();
        tampered[^3] ^= 1;
        var tamperedValid = ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + Base64UrlEncoder.Encode(tampered)), Base64UrlEncoder.DecodeBytes(parts[2]),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var document = JsonDocument.Parse(report).RootElement;

        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.True(valid);
        Assert.False(tamperedValid);
        Assert.Equal(report, Base64UrlEncoder.DecodeBytes(parts[1]));
        Assert.Equal("certified", document.GetProperty("result").GetString());
        Assert.Equal(productId.ToString(), document.GetProperty("product").GetProperty("id").GetString());
        Assert.StartsWith("GDAL ", document.GetProperty("tools").GetProperty("gdal").GetString(), StringComparison.Ordinal);
        Assert.Equal(["integrity", "format", "raster", "cog", "thumbnail", "telemetry", "metadata"],
            document.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("check").GetString()!));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(cog)),
            document.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "data").GetProperty("sha256").GetString());
        var raster = document.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "raster");
        Assert.Equal(128, raster.GetProperty("details").GetProperty("assets").GetProperty("data").GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task DraftDeclaringProjectionV2_IsPublishedWithBothCodesUnderTheVersionThatAllowsThem()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        using var bench = new RasterWorkbench();
        var upload = await UploadAsync(uploader, await File.ReadAllBytesAsync((await bench.CogAsync(128, 128)).FullPath, Ct), "image/tiff; application=geotiff", Ct);
        var draft = new
        {
            id = "projected-v2",
            type = "Feature",
            stac_extensions = new[] { "https://stac-extensions.github.io/projection/v2.0.0/schema.json" },
            properties = new Dictionary<string, object> { ["datetime"] = "2025-06-01T03:00:00Z", ["gsd"] = 10, ["proj:code"] = "EPSG:32650" },
        };

        var productId = (await MarketplaceApp.ReadJsonAsync(await SubmitAsync(uploader, collection, draft,
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (upload, ["data"], "image/tiff; application=geotiff") }, Ct), Ct))
            .GetProperty("id").GetGuid();
        var product = await WaitForFinalAsync(uploader, productId, Ct);

        Assert.True(product.GetProperty("status").GetString() == "published", product.ToString());
        var extensions = product.GetProperty("item").GetProperty("stac_extensions").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("https://stac-extensions.github.io/projection/v1.2.0/schema.json", extensions);
        Assert.DoesNotContain("https://stac-extensions.github.io/projection/v2.0.0/schema.json", extensions);
    }

    [Fact]
    public async Task StripedGeoTiff_GetsACogMadeAsADerivedAsset_AndKeepsTheOriginal()
    {
        var (uploader, _) = await UploadSteps.NewProviderAsync(app, Ct);
        var collection = await NewCollectionAsync(app, Ct);
        using var bench = new RasterWorkbench();
        var striped = await File.ReadAllBytesAsync((await bench.TranslateAsync(TiffBytes.Gradient(2048, 2048, 1),
            "-of", "GTiff", "-a_srs", "EPSG:32650", "-a_ullr", "440000", "4420000", "460480", "4399520")).FullPath, Ct);
        var upload = await UploadAsync(uploader, striped, "image/tiff; application=geotiff", Ct);

        var productId = (await MarketplaceApp.ReadJsonAsync(await SubmitAsync(uploader, collection, Draft("striped-1"),
            new Dictionary<string, (Guid, string[], string)> { ["data"] = (upload, ["data"], "image/tiff; application=geotiff") }, Ct), Ct))
            .GetProperty("id").GetGuid();
        var product = await WaitForFinalAsync(uploader, productId, Ct);

        Assert.True(product.GetProperty("status").GetString() == "published", product.ToString());
        Assert.Contains("cog.converted", FindingCodes(product));
        var keys = product.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("key").GetString()).ToList();
        Assert.Contains("data", keys);
        Assert.Contains("data-cog", keys);
        var derived = await uploader.GetByteArrayAsync($"/products/{productId}/assets/data-cog", Ct);
        var file = Path.Combine(Path.GetTempPath(), $"derived-{Guid.NewGuid():N}.tif");
        await File.WriteAllBytesAsync(file, derived, Ct);
        try
        {
            using var validator = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/python3",
                ["-m", "osgeo_utils.samples.validate_cloud_optimized_geotiff", "-q", file]) { RedirectStandardOutput = true })!;
            await validator.WaitForExitAsync(Ct);
            Assert.Equal(0, validator.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
