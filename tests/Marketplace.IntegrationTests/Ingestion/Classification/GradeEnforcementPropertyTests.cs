using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Marketplace.Catalog.Items;
using Marketplace.Catalog.Visibility;
using Marketplace.Ingestion.Classification;
using Marketplace.Ingestion.Classification.Policies;
using Marketplace.Ingestion.Persistence;
using Marketplace.Ingestion.Products;
using Marketplace.IntegrationTests.Infrastructure;
using Marketplace.Platform.Audit.Recording;
using Marketplace.Platform.Grading;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using static Marketplace.IntegrationTests.Ingestion.Products.ProductSteps;

namespace Marketplace.IntegrationTests.Ingestion.Classification;

/// <summary>
/// For random products graded by random policies, then re-graded at random, no endpoint shows any caller (anonymous,
/// and organizations cleared public, restricted and sensitive) an item, a count, an extent, an offer or a report above
/// their clearance, and each shows everything at or below it.
/// </summary>
public sealed class GradeEnforcementPropertyTests(MarketplaceApp app) : IClassFixture<MarketplaceApp>
{
    private static readonly GradeScale Scale = new(null);
    private static readonly GeometryFactory Factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Scene(double X, double Y, double Size, double Gsd, string Sensor, string Regrade);

    private static Gen<T> Pick<T>(IReadOnlyList<T> values) => Gen.Int[0, values.Count - 1].Select(i => values[i]);

    private static readonly Gen<Scene> GenScene = Gen.Select(Gen.Double[-170, 160], Gen.Double[-60, 50], Gen.Double[0.05, 5],
        Gen.Double[0.2, 40], Pick(["optical", "sar", "hyperspectral"]), Pick([.. GradeScale.Default]),
        (x, y, size, gsd, sensor, regrade) => new Scene(x, y, size, gsd, sensor, regrade));

    private static readonly Gen<ClassificationPolicy> GenPolicy = Gen.Select(
        Pick([.. GradeScale.Default]),
        Gen.Select(Gen.Double[0.3, 30], Pick([.. GradeScale.Default]), (m, g) => new ResolutionRule(m, g)).Array[0, 3],
        Gen.Select(Gen.Double[-170, 160], Gen.Double[-60, 50], Gen.Double[1, 30], Gen.Double[1, 50], Pick([.. GradeScale.Default]),
            (x, y, size, gsd, grade) => (Box(x, y, size), gsd, grade)).Array[0, 3],
        (defaultGrade, resolution, fences) => new ClassificationPolicy("property", null, defaultGrade, "controlled",
            new PolicyRules(new ResolutionRules(resolution, resolution, resolution),
                [.. fences.Select((f, i) => new GeofenceRule($"f{i}", $"Fence {i}", f.Item1, f.gsd, f.grade))], null, null, null, null)));

    [Fact]
    public async Task NoEndpoint_EverShowsACallerMoreThanTheirClearance_BeforeOrAfterRegrading()
    {
        using var anonymous = app.CreateClient();
        using var commercial = await app.ClientAsAsync("demo-commercial-buyer", Ct);
        using var government = await app.ClientAsAsync("demo-government-buyer", Ct);
        var restricted = await ClassificationSteps.RestrictedCallerAsync(app, Ct);
        var callers = new (HttpClient Client, string? Clearance)[] { (anonymous, null), (commercial, "public"), (restricted, "restricted"), (government, "sensitive") };

        await Gen.Select(GenPolicy, GenScene.Array[1, 8]).SampleAsync(async (policy, scenes) =>
        {
            var collection = await NewCollectionAsync(app, Ct);
            var evaluator = new PolicyEvaluator(policy);
            var products = new List<(Product Product, Scene Scene)>();
            for (var i = 0; i < scenes.Length; i++)
            {
                var grade = evaluator.Evaluate(new ProductDescription(scenes[i].Sensor, scenes[i].Gsd, Box(scenes[i].X, scenes[i].Y, scenes[i].Size),
                    DateTimeOffset.UtcNow.AddDays(-30), null, null), DateTimeOffset.UtcNow).Grade;
                products.Add((await PublishAsync(collection, $"p{i}", scenes[i], grade), scenes[i]));
            }
            foreach (var (client, clearance) in callers)
            {
                await CheckAsync(client, clearance, collection, products.Select(p => p.Product).ToList());
            }

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(Ct);
                foreach (var (product, scene) in products)
                {
                    db.Attach(product);
                    await GradeEnforcement.ApplyAsync(db, product, scene.Regrade, DateTimeOffset.UtcNow, Ct);
                }
                await db.SaveChangesAsync(Ct);
                await transaction.CommitAsync(Ct);
            }
            foreach (var (client, clearance) in callers)
            {
                await CheckAsync(client, clearance, collection, products.Select(p => p.Product).ToList());
            }
        }, iter: 12, threads: 1);
    }

    private static async Task CheckAsync(HttpClient client, string? clearance, string collection, IReadOnlyList<Product> products)
    {
        var viewer = CatalogViewer.For(clearance, Scale);
        var visible = products.Where(p => viewer.Grades.Contains(p.Grade!)).ToList();
        var expected = visible.Select(p => p.ItemId).Order(StringComparer.Ordinal).ToList();
        var who = $"caller cleared {clearance ?? "anonymous"}, grades {string.Join(",", products.Select(p => p.Grade))}";

        var items = await ReadAsync(client.GetAsync($"/collections/{collection}/items?limit=1000", Ct));
        Assert.True(expected.SequenceEqual(Ids(items)), $"items: {who}");
        var search = await ReadAsync(client.PostAsJsonAsync("/search", new { collections = new[] { collection }, limit = 1000 }, Ct));
        Assert.True(expected.SequenceEqual(Ids(search)), $"search: {who}");
        Assert.All(search.GetProperty("features").EnumerateArray(), f =>
            Assert.Contains(f.GetProperty("properties").GetProperty("marketplace:grade").GetString(), viewer.Grades));
        var aggregate = await ReadAsync(client.GetAsync($"/aggregate?collections={collection}&aggregations=total_count", Ct));
        var total = aggregate.GetProperty("aggregations").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "total_count");
        Assert.True(visible.Count == total.GetProperty("value").GetInt32(), $"count: {who}");

        var bbox = (await ReadAsync(client.GetAsync($"/collections/{collection}", Ct))).GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0]
            .EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double[] expectedBox = visible.Count == 0 ? [-180, -90, 180, 90] :
        [
            visible.Min(p => Bounds(p)[0]), visible.Min(p => Bounds(p)[1]), visible.Max(p => Bounds(p)[2]), visible.Max(p => Bounds(p)[3]),
        ];
        Assert.True(expectedBox.Zip(bbox).All(x => Math.Abs(x.First - x.Second) < 1e-6), $"extent [{string.Join(",", bbox)}]: {who}");

        foreach (var product in products)
        {
            var shown = viewer.Grades.Contains(product.Grade!);
            var want = shown ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            using var item = await client.GetAsync($"/collections/{collection}/items/{product.ItemId}", Ct);
            using var offers = await client.GetAsync($"/products/{product.Id}/offers", Ct);
            using var report = await client.GetAsync($"/products/{product.Id}/certification", Ct);
            Assert.True(want == item.StatusCode && want == offers.StatusCode && want == report.StatusCode,
                $"{product.ItemId} graded {product.Grade}: item {item.StatusCode}, offers {offers.StatusCode}, report {report.StatusCode}; {who}");
        }
    }

    private async Task<Product> PublishAsync(string collection, string itemId, Scene scene, string grade)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestionDbContext>();
        var now = DateTimeOffset.UtcNow;
        var organization = Guid.NewGuid();
        var box = Box(scene.X, scene.Y, scene.Size);
        var item = new JsonObject
        {
            ["type"] = "Feature",
            ["stac_version"] = "1.1.0",
            ["id"] = itemId,
            ["collection"] = collection,
            ["geometry"] = new JsonObject
            {
                ["type"] = "Polygon",
                ["coordinates"] = new JsonArray(new JsonArray([.. box.Coordinates.Select(c => (JsonNode)new JsonArray(c.X, c.Y))])),
            },
            ["bbox"] = new JsonArray(scene.X, scene.Y, scene.X + scene.Size, scene.Y + scene.Size),
            ["properties"] = new JsonObject { ["datetime"] = "2025-06-01T03:00:00Z", ["gsd"] = scene.Gsd, ["marketplace:grade"] = grade },
            ["links"] = new JsonArray(),
            ["assets"] = new JsonObject(),
        }.ToJsonString();
        var product = Product.Submit(Guid.CreateVersion7(), organization, AuditActor.Platform, collection, itemId, 1, null, "{}",
            """[{"title":"Licence","price":"1 EUR"}]""", [], [], now);
        product.Certify(item, """{"result":"certified"}""", "header.payload.signature", now);
        product.ApplyGrade(grade, now);
        product.MoveTo(ProductStatus.Published, now);
        db.Products.Add(product);
        await db.SaveChangesAsync(Ct);
        using var document = JsonDocument.Parse(product.Item!);
        var published = await scope.ServiceProvider.GetRequiredService<PublishItem>().PublishAsync(document.RootElement, grade, organization, Ct);
        Assert.IsType<Marketplace.Platform.Outcomes.Outcome<Marketplace.Catalog.Persistence.ItemRecord>.Ok>(published);
        return product;
    }

    private static double[] Bounds(Product product)
    {
        var bbox = JsonNode.Parse(product.Item!)!["bbox"]!.AsArray();
        return [.. bbox.Select(v => v!.GetValue<double>())];
    }

    private static Polygon Box(double x, double y, double size) =>
        Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    private static List<string> Ids(JsonElement collection) =>
        [.. collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];

    private static async Task<JsonElement> ReadAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await MarketplaceApp.ReadJsonAsync(response, Ct);
    }
}
