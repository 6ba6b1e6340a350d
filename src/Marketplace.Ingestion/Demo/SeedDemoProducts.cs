using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Catalog.Demo;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Products;
using Marketplace.Ingestion.Uploads;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Gdal;
using Marketplace.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Ingestion.Demo;

/// <summary>
/// The demo world's products, submitted by the demo provider's uploader exactly as the API would take them (upload,
/// complete, submit) so the worker certifies and classifies them under the policy in force:
/// <list type="bullet">
/// <item><c>demo-open-country</c>: 10 m, far from every geofence: graded public and published without review;</item>
/// <item><c>demo-test-range</c>: 3 m inside the example policy's test range: graded sensitive, it waits for a reviewer;</item>
/// <item><c>demo-atoll</c>: 5 m over the atoll across the antimeridian: graded controlled, which no buyer ever sees.</item>
/// </list>
/// A product already submitted is left alone, so seeding again changes nothing.
/// </summary>
public sealed class SeedDemoProducts(IngestionDbContext db, UploadLocalFile upload, SubmitProduct submit, GdalSandbox sandbox)
{
    public const string OpenCountry = "demo-open-country";
    public const string TestRange = "demo-test-range";
    public const string Atoll = "demo-atoll";

    private sealed record DemoScene(string ItemId, string Title, string Crs, double X, double Y, double Gsd);

    private static readonly DemoScene[] Scenes =
    [
        new(OpenCountry, "Alpine foothills, 10 m", "EPSG:32633", 462300, 5260800, 10),
        new(TestRange, "Test range, 3 m", "EPSG:32632", 674600, 5675000, 3),
        new(Atoll, "Atoll on the date line, 5 m", "EPSG:32760", 777800, 8196100, 5),
    ];

    /// <summary>Submits the demo products not yet submitted; their ids by item id.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> HandleAsync(Guid provider, string uploaderClientId, CancellationToken ct)
    {
        var uploader = new Uploader(provider, new AuditActor("client", uploaderClientId, provider));
        var ids = new Dictionary<string, Guid>();
        foreach (var scene in Scenes)
        {
            var existing = await db.Products.AsNoTracking()
                .Where(p => p.CollectionId == SeedDemoCollections.Optical && p.ItemId == scene.ItemId)
                .OrderByDescending(p => p.Version).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            ids[scene.ItemId] = existing ?? await SubmitAsync(uploader, scene, ct);
        }
        return ids;
    }

    private async Task<Guid> SubmitAsync(Uploader uploader, DemoScene scene, CancellationToken ct)
    {
        const string mediaType = "image/tiff; application=geotiff; profile=cloud-optimized";
        using var workspace = sandbox.CreateWorkspace();
        var scenePath = await RenderAsync(workspace, scene, ct);
        var uploadId = await upload.HandleAsync(uploader, scenePath, $"{scene.ItemId}.tif", "image/tiff", ct);
        var item = new JsonObject
        {
            ["id"] = scene.ItemId,
            ["type"] = "Feature",
            ["properties"] = new JsonObject
            {
                ["datetime"] = "2026-03-14T10:30:00Z",
                ["title"] = scene.Title,
                ["gsd"] = scene.Gsd,
                ["platform"] = "orbital-eye-3",
                ["instruments"] = new JsonArray("oe-msi"),
                ["marketplace:sensor_kind"] = "optical",
            },
        };
        var offers = JsonNode.Parse("""[{"title":"Single-user licence","price":"240 EUR"},{"title":"Government enterprise licence","price":"1200 EUR"}]""");
        var outcome = await submit.HandleAsync(uploader, new SubmitProductRequest(SeedDemoCollections.Optical, item,
            new Dictionary<string, SubmittedAsset> { ["data"] = new(uploadId, ["data"], mediaType, "Scene (COG)") }, offers), ct);
        return outcome is Outcome<ProductView>.Ok(var view)
            ? view.Id
            : throw new InvalidOperationException($"The demo product {scene.ItemId} was refused: {outcome}.");
    }

    /// <summary>A 512×512 three-band COG of the scene, georeferenced by gdal_translate in the sandbox; its path.</summary>
    private async Task<string> RenderAsync(GdalWorkspace workspace, DemoScene scene, CancellationToken ct)
    {
        const int size = 512;
        using var raw = new MemoryStream(BaselineTiff.Gradient(size, size, 3));
        var input = await workspace.ImportAsync(raw, ct);
        var output = workspace.NewFile(".tif");
        string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var run = await sandbox.RunAsync(new GdalCommand(GdalTool.GdalTranslate,
            ["-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-a_srs", scene.Crs, "-a_ullr",
                Text(scene.X), Text(scene.Y), Text(scene.X + (scene.Gsd * size)), Text(scene.Y - (scene.Gsd * size))], input, output), ct);
        if (!run.Succeeded)
        {
            throw new InvalidOperationException($"gdal_translate could not make the demo scene {scene.ItemId}: {run.Stderr}");
        }
        return output.FullPath;
    }
}
