using Marketplace.Catalog.Persistence;

namespace Marketplace.Catalog.Collections;

/// <summary>A collection with the extent of the items the viewer may see (null when none).</summary>
public sealed record CollectionView(CollectionRecord Collection, double[]? SpatialExtent, DateTimeOffset? Start, DateTimeOffset? End);
