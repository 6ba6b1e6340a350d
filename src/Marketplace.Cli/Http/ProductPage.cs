using System.Text.Json;

namespace Marketplace.Cli.Http;

/// <summary>A page of <c>GET /products</c>: the products, newest first, and the link to the next page (null on the last).</summary>
internal sealed record ProductPage(IReadOnlyList<JsonElement>? Products, string? Next);
