using System.Text.Json.Nodes;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Products;
using Marketplace.Cli.Uploads;

namespace Marketplace.UnitTests.Cli.Products;

public sealed class ProductSubmissionTests
{
    private static readonly Guid SceneUpload = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid ThumbUpload = Guid.Parse("0197a000-0000-7000-8000-000000000002");

    [Fact]
    public void Build_FilesAndOffers_IsTheSubmissionTheApiExpects()
    {
        var draft = JsonNode.Parse("""{"id": "scene-1", "properties": {"datetime": "2030-01-01T00:00:00Z"}}""")!.AsObject();
        var offers = JsonNode.Parse("""[{"title": "Standard", "price": 120}]""")!.AsArray();
        UploadedFile[] files =
        [
            new(new PlannedAsset("/data/scene.tif", "data", "data"), MediaTypes.GeoTiff, SceneUpload, 100, 1, 1),
            new(new PlannedAsset("/data/thumb.png", "thumbnail", "thumbnail"), MediaTypes.Png, ThumbUpload, 10, 1, 1),
        ];

        var submission = ProductSubmission.Build("optical-l2a", draft, files, offers);

        var expected = JsonNode.Parse($$$"""
            {
              "collection": "optical-l2a",
              "item": {"id": "scene-1", "properties": {"datetime": "2030-01-01T00:00:00Z"}},
              "assets": {
                "data": {"upload": "{{{SceneUpload}}}", "roles": ["data"], "type": "image/tiff; application=geotiff"},
                "thumbnail": {"upload": "{{{ThumbUpload}}}", "roles": ["thumbnail"], "type": "image/png"}
              },
              "offers": [{"title": "Standard", "price": 120}]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, submission), submission.ToJsonString());
    }

    [Fact]
    public void Build_NoOffers_LeavesThemOut()
    {
        var submission = ProductSubmission.Build("c", new JsonObject { ["id"] = "i" },
            [new(new PlannedAsset("/data/scene.tif", "data", "data"), MediaTypes.GeoTiff, SceneUpload, 100, 1, 1)], null);

        Assert.False(submission.ContainsKey("offers"));
    }

    [Fact]
    public async Task ReadDraft_NotAnObject_Fails()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "[1, 2]", TestContext.Current.CancellationToken);

            var error = await Assert.ThrowsAsync<CliConfigurationException>(() => ProductSubmission.ReadDraftAsync(path, TestContext.Current.CancellationToken));

            Assert.EndsWith("must hold a JSON object: the STAC item draft.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReadOffers_InvalidJson_FailsNamingTheOption()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "[{", TestContext.Current.CancellationToken);

            var error = await Assert.ThrowsAsync<CliConfigurationException>(() => ProductSubmission.ReadOffersAsync(path, TestContext.Current.CancellationToken));

            Assert.StartsWith($"--offers {path} is not valid JSON", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReadDraft_Missing_Fails()
    {
        var error = await Assert.ThrowsAsync<CliConfigurationException>(
            () => ProductSubmission.ReadDraftAsync("/no/such/draft.json", TestContext.Current.CancellationToken));

        Assert.Equal("--item-json /no/such/draft.json: the file does not exist.", error.Message);
    }
}
