using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Cli.Http;

/// <summary>The product endpoints: submit (202, the pipeline runs in the background), read one, list the organization's.</summary>
internal sealed class ProductsApi(MarketplaceApi api)
{
    /// <summary><c>POST /products</c> with the submission as built by <see cref="Products.ProductSubmission"/>; the product as accepted.</summary>
    public async Task<ProductDocument> SubmitAsync(JsonObject submission, CancellationToken ct)
    {
        var json = await api.SendAsync(HttpMethod.Post, "products", () => JsonContent.Create(submission), ct);
        return ProductDocument.Parse(api.Describe(HttpMethod.Post, "products"), json);
    }

    public async Task<ProductDocument> GetAsync(Guid productId, CancellationToken ct)
    {
        var path = $"products/{productId}";
        return ProductDocument.Parse(api.Describe(HttpMethod.Get, path), await api.SendAsync(HttpMethod.Get, path, null, ct));
    }

    /// <summary>Every product of the caller's organization, newest first, optionally of one status, following the next links.</summary>
    public async IAsyncEnumerable<ProductDocument> ListAsync(string? status, [EnumeratorCancellation] CancellationToken ct)
    {
        string? path = status is null ? "products" : $"products?status={Uri.EscapeDataString(status)}";
        while (path is not null)
        {
            var what = api.Describe(HttpMethod.Get, path);
            var page = MarketplaceApi.Deserialize<ProductPage>(what, await api.SendAsync(HttpMethod.Get, path, null, ct));
            foreach (var product in page.Products ?? [])
            {
                yield return ProductDocument.From(what, product);
            }
            // The server links from its root ("/products?before=..."); relative to the base URL, a path prefix is kept.
            path = page.Next is { Length: > 0 } next ? RelativeToBase(next) : null;
        }
    }

    private static string RelativeToBase(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery.TrimStart('/')
            : link.TrimStart('/');
}
