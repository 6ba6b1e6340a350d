using Marketplace.Catalog.Persistence;

namespace Marketplace.Catalog.Search;

/// <summary>One page of search results, and the token of the next page when there is one.</summary>
public sealed record ItemPage(IReadOnlyList<ItemRecord> Items, string? NextToken);
