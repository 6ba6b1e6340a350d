using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Cli.Configuration;
using Marketplace.Cli.Uploads;

namespace Marketplace.Cli.Products;

/// <summary>
/// The body of <c>POST /products</c>: the collection, the STAC item draft as the provider wrote it, one asset per
/// uploaded file (<c>{"upload": id, "roles": [role], "type": media type}</c>) and, when given, the offers.
/// </summary>
internal static class ProductSubmission
{
    public static JsonObject Build(string collection, JsonObject item, IReadOnlyList<UploadedFile> files, JsonArray? offers)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(files);
        var assets = new JsonObject();
        foreach (var file in files)
        {
            assets[file.Asset.Key] = new JsonObject
            {
                ["upload"] = file.UploadId.ToString(),
                ["roles"] = new JsonArray(file.Asset.Role),
                ["type"] = file.MediaType,
            };
        }
        var submission = new JsonObject
        {
            ["collection"] = collection,
            ["item"] = item.DeepClone(),
            ["assets"] = assets,
        };
        if (offers is not null)
        {
            submission["offers"] = offers.DeepClone();
        }
        return submission;
    }

    /// <summary>The STAC item draft: a JSON object (id, properties with datetime; geometry may be left to the raster).</summary>
    /// <exception cref="CliConfigurationException">The file is missing or does not hold a JSON object.</exception>
    public static async Task<JsonObject> ReadDraftAsync(string path, CancellationToken ct) =>
        await ReadAsync(path, "--item-json", ct) as JsonObject
        ?? throw new CliConfigurationException($"--item-json {path} must hold a JSON object: the STAC item draft.");

    /// <summary>The offers: a JSON array of text or objects such as {"title", "price", "licence"}.</summary>
    /// <exception cref="CliConfigurationException">The file is missing or does not hold a JSON array.</exception>
    public static async Task<JsonArray> ReadOffersAsync(string path, CancellationToken ct) =>
        await ReadAsync(path, "--offers", ct) as JsonArray
        ?? throw new CliConfigurationException($"--offers {path} must hold a JSON array of offers.");

    private static async Task<JsonNode?> ReadAsync(string path, string option, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new CliConfigurationException($"{option} {path}: the file does not exist.");
        }
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonNode.ParseAsync(stream, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new CliConfigurationException($"{option} {path} is not valid JSON: {e.Message}", e);
        }
    }
}
