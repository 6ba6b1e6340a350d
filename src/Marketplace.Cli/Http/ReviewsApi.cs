using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Marketplace.Cli.Http;

/// <summary>The review endpoints: the queue (following the next links), and a reviewer's decision.</summary>
internal sealed class ReviewsApi(MarketplaceApi api)
{
    /// <summary>Every review of <paramref name="state"/> (open when null), oldest first: the JSON and its view.</summary>
    public async IAsyncEnumerable<(JsonElement Json, ReviewView View)> ListAsync(string? state, [EnumeratorCancellation] CancellationToken ct)
    {
        string? path = state is null ? "reviews" : $"reviews?state={Uri.EscapeDataString(state)}";
        while (path is not null)
        {
            var what = api.Describe(HttpMethod.Get, path);
            var page = MarketplaceApi.Deserialize<ReviewPage>(what, await api.SendAsync(HttpMethod.Get, path, null, ct));
            foreach (var review in page.Reviews ?? [])
            {
                yield return (review, MarketplaceApi.Deserialize<ReviewView>(what, review.GetRawText()));
            }
            path = page.Next is { Length: > 0 } next ? next.TrimStart('/') : null;
        }
    }

    /// <summary><c>POST /reviews/{id}/decision</c>; the review as it stands after it.</summary>
    public async Task<(JsonElement Json, ReviewView View)> DecideAsync(Guid reviewId, string decision, string? grade, string comment, CancellationToken ct)
    {
        var path = $"reviews/{reviewId}/decision";
        var text = await api.SendAsync(HttpMethod.Post, path,
            () => JsonContent.Create(new { decision, grade, comment }, options: JsonSerializerOptions.Web), ct);
        using var document = JsonDocument.Parse(text);
        return (document.RootElement.Clone(), MarketplaceApi.Deserialize<ReviewView>(api.Describe(HttpMethod.Post, path), text));
    }
}
