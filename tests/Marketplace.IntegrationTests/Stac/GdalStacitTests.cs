using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Collections;
using Marketplace.Catalog.Ingest;
using Marketplace.Catalog.Persistence;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Outcomes;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.IntegrationTests.Stac;

/// <summary>
/// GDAL's STACIT raster driver as a real client of the item search, over HTTP: it pages through
/// <c>/search?collections=...</c> following the "next" links, reads each item's projection fields (GDAL 3.6 reads
/// <c>proj:epsg</c>, which the catalog serves alongside <c>proj:code</c>) and builds a virtual mosaic of one asset
/// over real Cloud Optimized GeoTIFFs the test writes with gdal_create and gdal_translate.
/// </summary>
public sealed class GdalStacitTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private const string Projection = "https://stac-extensions.github.io/projection/v1.2.0/schema.json";
    private const string Eo = "https://stac-extensions.github.io/eo/v2.0.0/schema.json";
    private const string Cog = "image/tiff; application=geotiff; profile=cloud-optimized";
    private const int Epsg = 32633;
    private const int Tile = 256; // pixels a side, 10 m each
    private const double West = 300000, North = 5040000, Resolution = 10;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GdalInfo_OnTheSearch_MosaicsTheItemsAssets_AcrossPages()
    {
        var folder = Directory.CreateTempSubdirectory("stacit-");
        try
        {
            var collection = $"stacit-{Guid.NewGuid():N}"[..20];
            await CreateCollectionAsync(collection);
            // Four tiles in a 2 x 2 grid; their band values tell them apart.
            var tiles = new (string Id, int Column, int Row, byte[] Bands)[]
            {
                ("tile-nw", 0, 0, [10, 20, 30]),
                ("tile-ne", 1, 0, [50, 60, 70]),
                ("tile-sw", 0, 1, [90, 100, 110]),
                ("tile-se", 1, 1, [130, 140, 150]),
            };
            var lines = new List<string>();
            foreach (var (id, column, row, bands) in tiles)
            {
                var cog = await WriteCogAsync(folder.FullName, id, column, row, bands);
                lines.Add(Item(collection, id, column, row, cog));
            }
            var loaded = await app.Services.GetRequiredService<LoadItems>().HandleAsync(
                new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), new LoadOptions("public", true, null), Ct);
            Assert.True(loaded.Errors.Count == 0, string.Join('\n', loaded.Errors.Select(e => $"line {e.Line}: {e.Message}")));
            Assert.Equal(4, loaded.Loaded);

            var (server, baseAddress) = app.StartHttpServer();
            await using var _ = server;
            // limit=1: one item per page, so the driver has to follow the "next" links to find all four.
            var search = $"{baseAddress.ToString().TrimEnd('/')}/search?collections={collection}&limit=1";
            var run = await GdalAsync("gdalinfo", "-json", "-stats", $"STACIT:\"{search}\":asset=visual");

            Assert.True(run.ExitCode == 0, $"gdalinfo failed:\n{run.Output}\n{run.Error}");
            var info = JsonNode.Parse(run.Output)!;
            Assert.Equal("VRT", (string?)info["driverShortName"]); // a STACIT dataset is a virtual mosaic
            Assert.Equal([2 * Tile, 2 * Tile], info["size"]!.AsArray().Select(v => (int)v!));
            Assert.Equal([West, Resolution, 0, North, 0, -Resolution], info["geoTransform"]!.AsArray().Select(v => (double)v!));
            Assert.Contains($"ID[\"EPSG\",{Epsg}]", (string?)info["coordinateSystem"]!["wkt"], StringComparison.Ordinal);
            var mosaicBands = info["bands"]!.AsArray();
            Assert.Equal(3, mosaicBands.Count);
            Assert.All(mosaicBands, band => Assert.Equal("Byte", (string?)band!["type"]));
            // Every tile is read: each fills a quarter of the mosaic, so band 1 has the mean of 10, 50, 90 and 130.
            Assert.Equal(70, (double)mosaicBands[0]!["mean"]!, precision: 6);
            Assert.Equal(10, (double)mosaicBands[0]!["minimum"]!);
            Assert.Equal(130, (double)mosaicBands[0]!["maximum"]!);
            Assert.Equal(150, (double)mosaicBands[2]!["maximum"]!);
            var sources = await GdalAsync("gdalinfo", $"STACIT:\"{search}\":asset=visual", "-mdd", "xml:VRT");
            Assert.All(tiles, t => Assert.Contains(Path.Combine(folder.FullName, t.Id + ".tif"), sources.Output, StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ServedItems_CarryBothProjectionCodes_AndValidate()
    {
        var collection = $"stacit-{Guid.NewGuid():N}"[..20];
        await CreateCollectionAsync(collection);
        var loaded = await app.Services.GetRequiredService<LoadItems>().HandleAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(Item(collection, "tile-check", 0, 0, "/data/tile-check.tif"))), new LoadOptions("public", true, null), Ct);
        Assert.Equal(1, loaded.Loaded);
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/collections/{collection}/items/tile-check", Ct);
        var item = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var errors = await new StacSchemaValidator().ValidateAsync(item);

        Assert.Equal(Epsg, (int)item["properties"]!["proj:epsg"]!);
        Assert.Equal($"EPSG:{Epsg}", (string?)item["properties"]!["proj:code"]);
        Assert.True(errors.Count == 0, "The served item does not validate:\n" + string.Join('\n', errors));
    }

    private async Task CreateCollectionAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<UpsertCollection>().HandleAsync(new JsonObject
        {
            ["type"] = "Collection",
            ["id"] = id,
            ["title"] = "STACIT mosaic tiles",
            ["description"] = "Projected tiles with COG assets for GDAL's STACIT driver.",
            ["license"] = "proprietary",
        }, null, Ct);
        Assert.IsType<Outcome<CollectionRecord>.Ok>(outcome);
    }

    /// <summary>
    /// A STAC item with the projection fields STACIT needs: its CRS as proj:code (the catalog adds proj:epsg), the
    /// raster's shape and its affine transform in STAC order [xres, 0, west, 0, -yres, north].
    /// </summary>
    private static string Item(string collection, string id, int column, int row, string cogPath)
    {
        var west = West + column * Tile * Resolution;
        var north = North - row * Tile * Resolution;
        // The footprint in WGS 84 only needs to be plausible; STACIT works from the projection fields.
        var lon = 12 + column * 0.04;
        var lat = 45.48 - row * 0.03;
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "Feature",
            ["stac_version"] = "1.1.0",
            ["stac_extensions"] = new[] { Eo, Projection },
            ["id"] = id,
            ["collection"] = collection,
            ["geometry"] = new
            {
                type = "Polygon",
                coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + 0.04, lat }, new[] { lon + 0.04, lat + 0.03 }, new[] { lon, lat + 0.03 }, new[] { lon, lat } } },
            },
            ["properties"] = new Dictionary<string, object>
            {
                ["datetime"] = "2025-03-01T10:00:00Z",
                ["eo:cloud_cover"] = 0,
                ["proj:code"] = $"EPSG:{Epsg}",
                ["proj:shape"] = new[] { Tile, Tile },
                ["proj:transform"] = new[] { Resolution, 0, west, 0, -Resolution, north },
            },
            ["assets"] = new Dictionary<string, object>
            {
                ["visual"] = new Dictionary<string, object>
                {
                    ["href"] = cogPath,
                    ["type"] = Cog,
                    ["roles"] = new[] { "visual", "data" },
                },
                ["thumbnail"] = new Dictionary<string, object>
                {
                    ["href"] = "https://data.marketplace.example/thumbnails/" + id + ".png",
                    ["type"] = "image/png",
                    ["roles"] = new[] { "thumbnail" },
                },
            },
            ["links"] = Array.Empty<object>(),
        });
    }

    /// <summary>A 3-band Byte COG of one tile, each band filled with one value.</summary>
    private static async Task<string> WriteCogAsync(string folder, string id, int column, int row, byte[] bands)
    {
        var west = West + column * Tile * Resolution;
        var north = North - row * Tile * Resolution;
        var plain = Path.Combine(folder, id + "-plain.tif");
        var cog = Path.Combine(folder, id + ".tif");
        var create = new List<string> { "-of", "GTiff", "-outsize", $"{Tile}", $"{Tile}", "-bands", "3", "-ot", "Byte" };
        foreach (var value in bands)
        {
            create.AddRange(["-burn", value.ToString(CultureInfo.InvariantCulture)]);
        }
        create.AddRange(["-a_srs", $"EPSG:{Epsg}", "-a_ullr", F(west), F(north), F(west + Tile * Resolution), F(north - Tile * Resolution), plain]);
        var created = await GdalAsync("gdal_create", [.. create]);
        Assert.True(created.ExitCode == 0, $"gdal_create failed:\n{created.Output}\n{created.Error}");
        var translated = await GdalAsync("gdal_translate", "-q", "-of", "COG", plain, cog);
        Assert.True(translated.ExitCode == 0, $"gdal_translate failed:\n{translated.Output}\n{translated.Error}");
        File.Delete(plain);
        return cog;
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static async Task<(int ExitCode, string Output, string Error)> GdalAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GDAL_HTTP_TIMEOUT"] = "30";
        start.Environment["GDAL_PAM_ENABLED"] = "NO"; // -stats must not leave .aux.xml files
        start.Environment["CPL_DEBUG"] = "ON";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
            Assert.Fail($"{tool} did not finish within {Timeout.TotalSeconds} s:\n{await output}\n{await error}");
        }
        return (process.ExitCode, await output, await error);
    }
}
