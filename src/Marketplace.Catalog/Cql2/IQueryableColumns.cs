using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Catalog.Cql2;

/// <summary>
/// Resolves the property names of a CQL2 filter to SQL columns. Only queryables resolve (OGC 21-065r2 CQL2 clause 6,
/// requirement "/req/basic-cql2/property"); the translator refuses any other name with
/// <see cref="Cql2UnknownQueryableException"/>, so a filter never falls back to scanning raw properties.
/// </summary>
public interface IQueryableColumns
{
    /// <summary>The column of the queryable <paramref name="name"/> (case-sensitive), if there is one.</summary>
    bool TryResolve(string name, [MaybeNullWhen(false)] out QueryableColumn column);
}
