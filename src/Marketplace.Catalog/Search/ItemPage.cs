using Marketplace.Catalog.Persistence;

namespace Marketplace.Catalog.Search;

/// <summary>One page of search results, the token of the next page when there is one, and the number of matches when known for free.</summary>
public sealed record ItemPage(IReadOnlyList<ItemRecord> Items, string? NextToken, long? NumberMatched = null);
