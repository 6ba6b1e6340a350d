using System.Text.Json;

namespace Marketplace.Cli.Http;

/// <summary>A product as the server sent it (<see cref="Json"/>, printed as it is in JSON mode) and as the CLI reads it.</summary>
internal sealed record ProductDocument(ProductView View, JsonElement Json)
{
    public static ProductDocument Parse(string what, string json)
    {
        var view = MarketplaceApi.Deserialize<ProductView>(what, json);
        using var document = JsonDocument.Parse(json);
        return new ProductDocument(view, document.RootElement.Clone());
    }

    public static ProductDocument From(string what, JsonElement json) =>
        new(MarketplaceApi.Deserialize<ProductView>(what, json.GetRawText()), json);
}
