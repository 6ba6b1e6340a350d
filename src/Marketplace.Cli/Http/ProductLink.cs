namespace Marketplace.Cli.Http;

/// <summary>A link of a product: <c>self</c>, <c>item</c> once published, <c>certification</c> once certified.</summary>
internal sealed record ProductLink(string Rel, string Href);
